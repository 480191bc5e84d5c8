import GazetteCore
import GazetteTUI
import Testing

@Suite struct MemoryTerminalTests {
    @Test func startsWithItsSizeABlankScreenAndNoEvents() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        #expect(terminal.size == (80, 24))
        #expect(terminal.screen == Canvas(width: 80, height: 24))
        #expect(terminal.presentCount == 0)
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == nil)
    }

    @Test func returnsScriptedEventsInOrderThenNil() {
        let terminal = MemoryTerminal(width: 10, height: 5)
        let click = InputEvent.mouse(MouseEvent(action: .click, column: 3, row: 1))
        terminal.send([.key(.down), click, .terminate])
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.down))
        #expect(terminal.pendingEvents == [click, .terminate])
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == click)
        #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .terminate)
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == nil)
        terminal.send([.key(.up)])
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .key(.up))
    }

    @Test func sendKeysMapsCharactersAndEnter() {
        let terminal = MemoryTerminal(width: 10, height: 5)
        terminal.send(keys: "jK/日\n\r\r\n\t\u{1B}\u{7F} ")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(timeoutMilliseconds: nil) {
            events.append(event)
        }
        let expected: [Key] = [
            .char("j"), .char("K"), .char("/"), .char("日"), .enter, .enter, .enter, .tab, .escape,
            .backspace, .char(" "),
        ]
        #expect(events == expected.map { .key($0) })
    }

    @Test func resizeChangesTheSizeAndQueuesAnEvent() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.send(keys: "j")
        terminal.resize(width: 100, height: 30)
        #expect(terminal.size == (100, 30))
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .key(.char("j")))
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .resize(width: 100, height: 30))
    }

    @Test func presentKeepsTheLastCanvasAndCounts() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        var canvas = Canvas(width: 10, height: 2)
        canvas.put("one", row: 0, column: 0)
        terminal.present(canvas)
        canvas.put("two", row: 1, column: 0, style: .reverse)
        terminal.present(canvas)
        #expect(terminal.presentCount == 2)
        #expect(terminal.screen.lines == ["one", "two"])
        #expect(terminal.screen[1, 0].style == .reverse)
    }

    @Test func suspendRunsTheBodyAndShutdownIsRecorded() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        var ran = false
        terminal.suspend { ran = true }
        #expect(ran)
        #expect(terminal.suspendCount == 1)
        terminal.shutdown()
        terminal.shutdown()
        #expect(terminal.isShutDown)
    }

    @Test func worksThroughTheProtocol() {
        let terminal: any Terminal = MemoryTerminal(width: 12, height: 3)
        var canvas = Canvas(width: terminal.size.width, height: terminal.size.height)
        canvas.put("Gazette", row: 0, column: 0, style: .accent)
        terminal.present(canvas)
        #expect((terminal as? MemoryTerminal)?.screen.text(ofRow: 0) == "Gazette")
    }
}

import GazetteCore

/// The event loop: draws the reader, turns terminal events into commands, repeats.
public final class ReaderApp {
    public let reader: Reader
    private let terminal: Terminal
    private var canvas: Canvas
    /// How long the loop waits for input before doing idle work (saving the selection).
    static let idleMilliseconds = 400

    public init(reader: Reader, terminal: Terminal) {
        self.reader = reader
        self.terminal = terminal
        let size = terminal.size
        canvas = Canvas(width: size.width, height: size.height)
        reader.resize(width: size.width, height: size.height)
    }

    /// Runs until the reader quits; with `stopWhenIdle`, also when no event is waiting (tests).
    public func run(stopWhenIdle: Bool = false) {
        draw()
        while !reader.isFinished {
            guard let event = terminal.nextEvent(timeoutMilliseconds: ReaderApp.idleMilliseconds) else {
                reader.saveSelection()
                if stopWhenIdle { return }
                continue
            }
            handle(event)
            draw()
        }
    }

    /// Applies one event to the reader.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let key):
            if let command = KeyBindings.command(for: key) {
                reader.apply(command)
            }
        case .mouse(let mouse):
            if let command = command(for: mouse) { reader.apply(command) }
        case .resize(let width, let height):
            reader.resize(width: width, height: height)
        case .terminate:
            reader.apply(.quit)
        }
    }

    /// Draws the reader and shows it.
    public func draw() {
        let size = terminal.size
        if canvas.width != size.width || canvas.height != size.height {
            canvas = Canvas(width: size.width, height: size.height)
        }
        ScreenView.render(reader, into: &canvas)
        terminal.present(canvas)
    }

    private func command(for mouse: MouseEvent) -> Command? {
        let layout = reader.layout
        if reader.showingHelp {
            switch mouse.action {
            case .wheelDown: return .down
            case .wheelUp: return .up
            default: return .cancel
            }
        }
        let inList = mouse.row >= layout.listTop && mouse.row < layout.listTop + layout.listHeight
        let inPane = mouse.row >= layout.paneTop && mouse.row < layout.paneTop + layout.paneHeight
        switch mouse.action {
        case .click: return inList ? .selectRow(mouse.row - layout.listTop) : nil
        case .doubleClick: return inList ? .openRow(mouse.row - layout.listTop) : nil
        case .wheelUp: return inList ? .scrollList(-3) : inPane ? .scrollArticle(-3) : nil
        case .wheelDown: return inList ? .scrollList(3) : inPane ? .scrollArticle(3) : nil
        }
    }
}

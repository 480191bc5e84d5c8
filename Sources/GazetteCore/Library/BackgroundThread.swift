internal import CThreadPlacement
import Foundation

/// Threads that work beside the screen (indexing, the state file, searches), started where
/// they can run at once: on another CPU than the thread starting them, which is busy with
/// the screen (a new thread waited 0.5–3 ms behind it otherwise; see ThreadPlacement.h).
public enum BackgroundThread {
    /// Starts `body` on a new thread named `name` (shown by `top -H` and debuggers).
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let result = name.withCString { name in
            gazette_thread_start(
                { context in
                    guard let context else { return }
                    Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
                }, context, name)
        }
        guard result != 0 else { return }
        // No thread of its own making: Foundation's, wherever it lands.
        Unmanaged<Body>.fromOpaque(context).release()
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }

    private final class Body {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}

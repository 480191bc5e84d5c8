/// Which pane keys act on.
public enum Focus: Sendable, Equatable {
    case list
    case article
}

/// The names of the months in the other languages feeds write dates in (German, French,
/// Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Polish): a date such as
/// `Sa, 05 Dez 2026` or `mar., 05 mai 2026` gave none (found by QA). English names are
/// ``FeedDate``'s own.
enum FeedMonthNames {
    /// The month (1–12) that `name` (lower case, without a final ".") names in full or cut
    /// short to at least 3 letters (`dez`, `févr`, `juil`, `mrz`); nil for anything else, and for
    /// a start that two months share (`jui`: juin and juillet).
    static func month(_ name: String) -> Int? {
        guard let month = table[name], month > 0 else { return nil }
        return month
    }

    /// Every start of at least 3 letters of every name, and the month it names (0 when it
    /// starts names of two months).
    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, line) in names.split(separator: "\n").enumerated() {
            for name in line.split(separator: " ") {
                let characters = Array(name)
                for length in 3...max(3, characters.count) where length <= characters.count {
                    let start = String(characters[..<length])
                    if let month = table[start], month != index + 1 {
                        table[start] = 0
                    } else {
                        table[start] = index + 1
                    }
                }
            }
        }
        for (name, month) in [("mrz", 3), ("mrt", 3)] { table[name] = month }
        return table
    }()

    /// A line a month: its names, written with and without their accents.
    private static let names = """
        januar jänner janvier enero gennaio januari janeiro styczeń stycznia styczen
        februar février fevrier febrero febbraio februari fevereiro luty lutego
        märz marz maerz mars marzo maart março marco marts marzec marca
        april avril abril aprile kwiecień kwietnia kwiecien
        mai maio mayo maggio mei maj maja
        juni juin junio giugno junho czerwiec czerwca
        juli juillet julio luglio julho lipiec lipca
        august août aout agosto augustus augusti sierpień sierpnia sierpien
        september septembre septiembre settembre setembro wrzesień września wrzesien wrzesnia
        oktober octobre octubre ottobre outubro październik października pazdziernik pazdziernika
        november novembre noviembre novembro listopad listopada
        dezember décembre decembre diciembre dicembre december dezembro desember grudzień grudnia grudzien
        """
}

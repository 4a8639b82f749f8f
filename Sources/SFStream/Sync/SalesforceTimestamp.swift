import Foundation

/// A Salesforce datetime (`2026-03-01T10:15:00.000+0000`) as milliseconds since 1970 UTC.
///
/// Salesforce returns datetimes in UTC with milliseconds and a `+0000` offset; SOQL accepts
/// `2026-03-01T10:15:00Z`. This type parses both (and `±hh:mm` offsets) and writes the SOQL form.
public struct SalesforceTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(_ date: Date) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fff](Z|±hhmm|±hh:mm)` or a plain date `YYYY-MM-DD` (midnight UTC).
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes.count >= 10, bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
            let day = number(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400
        var milliseconds = 0
        if bytes.count > 10 {
            guard bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32, let hour = number(11, 2), bytes.count > 13,
                bytes[13] == 58, let minute = number(14, 2), bytes.count > 16, bytes[16] == 58, let second = number(17, 2),
                hour < 24, minute < 60, second < 61
            else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            var index = 19
            if index < bytes.count, bytes[index] == 46 {
                index += 1
                var scale = 100
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    milliseconds += Int(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
            }
            if index < bytes.count {
                if bytes[index] == 90 || bytes[index] == 122 {
                    index += 1
                } else if bytes[index] == 43 || bytes[index] == 45 {
                    let sign = bytes[index] == 43 ? 1 : -1
                    guard let hours = number(index + 1, 2) else { return nil }
                    var minutesIndex = index + 3
                    if minutesIndex < bytes.count, bytes[minutesIndex] == 58 { minutesIndex += 1 }
                    guard let minutes = number(minutesIndex, 2) else { return nil }
                    seconds -= sign * (hours * 3600 + minutes * 60)
                    index = minutesIndex + 2
                } else {
                    return nil
                }
            }
            guard index == bytes.count else { return nil }
        }
        millisecondsSince1970 = Int64(seconds) * 1000 + Int64(milliseconds)
    }

    /// The SOQL datetime literal, truncated to whole seconds: `2026-03-01T10:15:00Z`.
    public var soqlLiteral: String {
        let totalSeconds = millisecondsSince1970 >= 0
            ? millisecondsSince1970 / 1000 : (millisecondsSince1970 - 999) / 1000
        let days = Int(totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400)
        let secondOfDay = Int(totalSeconds - Int64(days) * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60,
            secondOfDay % 60)
    }

    public var description: String { soqlLiteral }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public func adding(seconds: Int64) -> SalesforceTimestamp {
        SalesforceTimestamp(millisecondsSince1970: millisecondsSince1970 + seconds * 1000)
    }

    // Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil algorithms).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

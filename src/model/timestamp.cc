#include "model/timestamp.h"

#include <fmt/format.h>
#include <array>
#include <cctype>

#include "util/strings.h"

namespace archtag {

namespace {

using namespace std::chrono;

// A small cursor over the text being parsed.
class Cursor {
  public:
    explicit Cursor(std::string_view s) : m_s(s) {}
    bool done() const { return m_pos >= m_s.size(); }
    char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_s.size() ? m_s[m_pos + ahead] : '\0';
    }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skip_spaces() {
        while (peek() == ' ' || peek() == '\t')
            ++m_pos;
    }
    // Reads between min and max digits; -1 when fewer than min.
    int digits(int min, int max, int* count = nullptr) {
        int value = 0, n = 0;
        while (n < max && std::isdigit(static_cast<unsigned char>(peek()))) {
            value = value * 10 + (peek() - '0');
            ++m_pos;
            ++n;
        }
        if (count)
            *count = n;
        return n < min ? -1 : value;
    }
    std::string_view rest() const { return m_s.substr(std::min(m_pos, m_s.size())); }
    std::size_t pos() const { return m_pos; }

  private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

std::string_view strip_quotes(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
        s = trim(s.substr(1, s.size() - 2));
    }
    return s;
}

Error not_a_date(std::string_view text) {
    return make_error("", fmt::format("not a date: '{}'", text));
}

std::string_view month_name(unsigned m) {
    static constexpr std::array<std::string_view, 12> k_names = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? k_names[m - 1] : "?";
}

Expected<year_month_day> make_day(int y, int m, int d, std::string_view text) {
    if (m < 1 || m > 12)
        return fail(
            make_error("", fmt::format("impossible date '{}': there is no month {}", text, m)));
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (d < 1 || !ymd.ok()) {
        unsigned last = static_cast<unsigned>(
            year_month_day_last{year{y}, month_day_last{month{static_cast<unsigned>(m)}}}.day());
        return fail(make_error("", fmt::format("impossible date '{}': {} {} has {} days", text,
                                               month_name(static_cast<unsigned>(m)), y, last)));
    }
    return ymd;
}

// Parses the date part: YYYY-M-D or, when `compact`, YYYYMMDD.
Expected<year_month_day> parse_date_part(Cursor& c, std::string_view text, bool& compact) {
    int n = 0;
    int y = c.digits(4, 8, &n);
    if (y < 0)
        return fail(not_a_date(text));
    if (n == 8) {
        compact = true;
        return make_day(y / 10000, (y / 100) % 100, y % 100, text);
    }
    if (n != 4 || !c.eat('-'))
        return fail(not_a_date(text));
    int m = c.digits(1, 2);
    if (m < 0 || !c.eat('-'))
        return fail(not_a_date(text));
    int d = c.digits(1, 2);
    if (d < 0)
        return fail(not_a_date(text));
    return make_day(y, m, d, text);
}

struct TimePart {
    seconds time{};
    std::string fraction;
};

Expected<TimePart> parse_time_part(Cursor& c, std::string_view text, bool compact) {
    int h = 0, m = 0, s = 0;
    if (compact) {
        int n = 0;
        int v = c.digits(4, 6, &n);
        if (v < 0 || (n != 4 && n != 6))
            return fail(not_a_date(text));
        if (n == 4)
            v *= 100;
        h = v / 10000, m = (v / 100) % 100, s = v % 100;
    } else {
        h = c.digits(1, 2);
        if (h < 0 || !c.eat(':'))
            return fail(not_a_date(text));
        m = c.digits(2, 2);
        if (m < 0)
            return fail(not_a_date(text));
        if (c.eat(':')) {
            s = c.digits(2, 2);
            if (s < 0)
                return fail(not_a_date(text));
        }
    }
    TimePart tp;
    if (c.peek() == '.' || c.peek() == ',') {
        std::size_t start = c.pos();
        c.eat(c.peek());
        int n = 0;
        c.digits(1, 9, &n);
        if (n == 0)
            return fail(not_a_date(text));
        tp.fraction = std::string(text.substr(start, c.pos() - start));
    }
    if (h > 24 || m > 59 || s > 60 || (h == 24 && (m || s)))
        return fail(make_error("", fmt::format("impossible time in '{}'", text)));
    if (s == 60)
        s = 59;  // a leap second; the minute is what matters here
    tp.time = hours{h} + minutes{m} + seconds{s};
    return tp;
}

// Z, UTC, GMT, +HH:MM, +HHMM, +HH, +H. Returns false on anything else.
bool parse_zone(Cursor& c, Timestamp& ts) {
    std::string_view rest = c.rest();
    if (rest == "Z" || rest == "z") {
        ts.offset = minutes{0};
        ts.zulu = true;
        return true;
    }
    if (iequals(rest, "UTC") || iequals(rest, "GMT")) {
        ts.offset = minutes{0};
        return true;
    }
    int sign = c.eat('+') ? 1 : (c.eat('-') ? -1 : 0);
    if (sign == 0)
        return false;
    int n = 0;
    int hh = c.digits(1, 4, &n);
    int mm = 0;
    if (hh < 0)
        return false;
    if (n == 4) {
        mm = hh % 100;
        hh /= 100;
    } else if (n == 3) {
        return false;
    } else if (c.eat(':')) {
        mm = c.digits(2, 2);
        if (mm < 0)
            return false;
    }
    if (!c.done() || hh > 14 || mm > 59)
        return false;
    ts.offset = minutes{sign * (hh * 60 + mm)};
    return true;
}

}  // namespace

Expected<Timestamp> parse_timestamp(std::string_view raw) {
    std::string_view text = strip_quotes(raw);
    Timestamp ts;
    ts.text = std::string(trim(raw));
    Cursor c(text);
    bool compact = false;
    auto day = parse_date_part(c, text, compact);
    if (!day)
        return fail(day.error());
    ts.date = *day;
    if (c.done())
        return ts;
    if (c.peek() == 'T' || c.peek() == 't') {
        c.eat(c.peek());
    } else if (c.peek() == ' ') {
        c.skip_spaces();
    } else {
        return fail(not_a_date(text));
    }
    if (c.done())
        return fail(not_a_date(text));
    auto time = parse_time_part(c, text, compact);
    if (!time)
        return fail(time.error());
    ts.time_of_day = time->time;
    ts.fraction = time->fraction;
    c.skip_spaces();
    if (c.done())
        return ts;
    if (!parse_zone(c, ts))
        return fail(make_error("", fmt::format("not a time zone offset in '{}'", text)));
    return ts;
}

Expected<year_month_day> parse_calendar_date(std::string_view raw) {
    std::string_view text = strip_quotes(raw);
    Cursor c(text);
    bool compact = false;
    auto day = parse_date_part(c, text, compact);
    if (!day)
        return day;
    if (!c.done())
        return fail(make_error("", fmt::format("expected a date as YYYY-MM-DD, found '{}'", text)));
    return day;
}

namespace {

// Zero-padded digits without fmt: iso() runs for every article a sweep
// reports or caches, and fmt's parsing of the format string dominated it.
void put_digits(std::string& out, long value, int width) {
    char digits[8];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        digits[i] = static_cast<char>('0' + value % 10);
    out.append(digits, static_cast<std::size_t>(width));
}

}  // namespace

std::string format_date(year_month_day d) {
    int year = static_cast<int>(d.year());
    if (year < 0 || year > 9999)
        return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(d.month()),
                           static_cast<unsigned>(d.day()));
    std::string out;
    out.reserve(32);
    put_digits(out, year, 4);
    out += '-';
    put_digits(out, static_cast<unsigned>(d.month()), 2);
    out += '-';
    put_digits(out, static_cast<unsigned>(d.day()), 2);
    return out;
}

std::string format_date_long(year_month_day d) {
    return fmt::format("{} {}, {}", month_name(static_cast<unsigned>(d.month())),
                       static_cast<unsigned>(d.day()), static_cast<int>(d.year()));
}

std::string Timestamp::iso() const {
    std::string out = format_date(date);
    if (!time_of_day)
        return out;
    long t = static_cast<long>(time_of_day->count());
    out += 'T';
    put_digits(out, t / 3600, 2);
    out += ':';
    put_digits(out, (t / 60) % 60, 2);
    out += ':';
    put_digits(out, t % 60, 2);
    out += fraction;
    if (!offset)
        return out;
    if (zulu)
        return out + "Z";
    auto m = offset->count();
    char sign = m < 0 ? '-' : '+';
    if (m < 0)
        m = -m;
    out += sign;
    put_digits(out, m / 60, 2);
    out += ':';
    put_digits(out, m % 60, 2);
    return out;
}

}  // namespace archtag

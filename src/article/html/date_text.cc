// A small hand-written scanner: the date forms of the web are too many and
// too loose for one regular expression, and a reading must say exactly where
// its date started and ended.
#include "article/html/date_text.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>

#include "util/strings.h"

namespace archtag::article {

namespace {

using namespace std::chrono;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
// Letters, including every byte of a UTF-8 sequence (é, ä, û).
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_alnum(char c) {
    return is_digit(c) || is_letter(c);
}

// ASCII and Latin-1 upper case letters in UTF-8 (À..Þ) to lower case.
std::string fold(std::string_view word) {
    std::string out = to_lower(word);
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        auto lead = static_cast<unsigned char>(out[i]);
        auto next = static_cast<unsigned char>(out[i + 1]);
        if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97)
            out[i + 1] = static_cast<char>(next + 0x20);
    }
    return out;
}

struct Name {
    std::string_view word;
    int value;
};

// English, German, French and Spanish; one table because pages are often
// labelled with the wrong language, and no two of these names collide.
constexpr std::array k_months = {
    Name{"january", 1},   Name{"jan", 1},        Name{"januar", 1},     Name{"jänner", 1},
    Name{"janvier", 1},   Name{"janv", 1},       Name{"enero", 1},      Name{"ene", 1},
    Name{"february", 2},  Name{"feb", 2},        Name{"februar", 2},    Name{"février", 2},
    Name{"fevrier", 2},   Name{"févr", 2},       Name{"fevr", 2},       Name{"fév", 2},
    Name{"febrero", 2},   Name{"march", 3},      Name{"mar", 3},        Name{"märz", 3},
    Name{"maerz", 3},     Name{"mär", 3},        Name{"mars", 3},       Name{"marzo", 3},
    Name{"april", 4},     Name{"apr", 4},        Name{"avril", 4},      Name{"avr", 4},
    Name{"abril", 4},     Name{"abr", 4},        Name{"may", 5},        Name{"mai", 5},
    Name{"mayo", 5},      Name{"june", 6},       Name{"jun", 6},        Name{"juni", 6},
    Name{"juin", 6},      Name{"junio", 6},      Name{"july", 7},       Name{"jul", 7},
    Name{"juli", 7},      Name{"juillet", 7},    Name{"juil", 7},       Name{"julio", 7},
    Name{"august", 8},    Name{"aug", 8},        Name{"août", 8},       Name{"aout", 8},
    Name{"agosto", 8},    Name{"ago", 8},        Name{"september", 9},  Name{"sep", 9},
    Name{"sept", 9},      Name{"septembre", 9},  Name{"septiembre", 9}, Name{"setiembre", 9},
    Name{"october", 10},  Name{"oct", 10},       Name{"oktober", 10},   Name{"okt", 10},
    Name{"octobre", 10},  Name{"octubre", 10},   Name{"november", 11},  Name{"nov", 11},
    Name{"novembre", 11}, Name{"noviembre", 11}, Name{"december", 12},  Name{"dec", 12},
    Name{"dezember", 12}, Name{"dez", 12},       Name{"décembre", 12},  Name{"decembre", 12},
    Name{"déc", 12},      Name{"diciembre", 12}, Name{"dic", 12},
};

constexpr std::array<std::string_view, 44> k_weekdays = {
    "monday",   "mon",        "tuesday", "tue",     "tues",      "wednesday", "wed",
    "thursday", "thu",        "thurs",   "friday",  "fri",       "saturday",  "sat",
    "sunday",   "sun",        "montag",  "mo",      "dienstag",  "di",        "mittwoch",
    "mi",       "donnerstag", "do",      "freitag", "fr",        "samstag",   "sa",
    "sonntag",  "so",         "lundi",   "mardi",   "mercredi",  "jeudi",     "vendredi",
    "samedi",   "dimanche",   "lunes",   "martes",  "miércoles", "jueves",    "viernes",
    "sábado",   "domingo",
};

// Zone abbreviations whose offset is not in doubt (IST, for one, is).
constexpr std::array k_zones = {
    Name{"utc", 0},    Name{"gmt", 0},    Name{"z", 0},       Name{"ut", 0},      Name{"est", -300},
    Name{"edt", -240}, Name{"cst", -360}, Name{"cdt", -300},  Name{"mst", -420},  Name{"mdt", -360},
    Name{"pst", -480}, Name{"pdt", -420}, Name{"akst", -540}, Name{"akdt", -480}, Name{"hst", -600},
    Name{"bst", 60},   Name{"cet", 60},   Name{"cest", 120},  Name{"mez", 60},    Name{"mesz", 120},
    Name{"wet", 0},    Name{"west", 60},  Name{"eet", 120},   Name{"eest", 180},
};

template <typename Table>
std::optional<int> look_up(const Table& table, std::string_view word) {
    for (const Name& n : table)
        if (n.word == word)
            return n.value;
    return std::nullopt;
}

// What a scan found, before it becomes a Timestamp.
struct Reading {
    int year = 0, month = 0, day = 0;
    std::optional<seconds> time;
    std::string fraction;
    std::optional<minutes> offset;
    bool zulu = false;
    bool ambiguous = false;
    std::string note;
    std::size_t end = 0;
};

Reading ymd(int y, int m, int d) {
    Reading r;
    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

// A read-only cursor that can be copied to try a form and fall back.
class Scan {
  public:
    Scan(std::string_view s, std::size_t pos) : m_s(s), m_pos(pos) {}

    std::size_t pos() const { return m_pos; }
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
    // Spaces, tabs, line breaks and no-break spaces (U+00A0).
    void blanks() {
        while (true) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
                ++m_pos;
            else if (c == '\xC2' && peek(1) == '\xA0')
                m_pos += 2;
            else
                return;
        }
    }
    // A run of digits of a length in [min, max], not followed by another digit.
    std::optional<int> number(int min, int max, int* count = nullptr) {
        int n = 0, value = 0;
        while (is_digit(peek(n)) && n <= max) {
            value = value * 10 + (peek(n) - '0');
            ++n;
        }
        if (n < min || n > max)
            return std::nullopt;
        m_pos += n;
        if (count)
            *count = n;
        return value;
    }
    // A run of letters, folded to lower case, without a trailing '.'.
    std::string word() {
        std::size_t start = m_pos;
        while (is_letter(peek()))
            ++m_pos;
        std::string w = fold(m_s.substr(start, m_pos - start));
        if (!w.empty())
            eat('.');
        return w;
    }
    std::string_view rest() const { return m_s.substr(std::min(m_pos, m_s.size())); }

  private:
    std::string_view m_s;
    std::size_t m_pos;
};

bool at_word_end(const Scan& s) {
    return !is_alnum(s.peek());
}

void skip_weekday(Scan& s) {
    Scan t = s;
    std::string w = t.word();
    if (w.empty() || std::find(k_weekdays.begin(), k_weekdays.end(), w) == k_weekdays.end())
        return;
    t.eat(',');
    t.blanks();
    s = t;
}

std::optional<int> month_word(Scan& s) {
    Scan t = s;
    std::string w = t.word();
    auto m = look_up(k_months, w);
    if (m)
        s = t;
    return m;
}

// "19th", "1st", "2nd", "3rd", "1er", "1º", "19." after a day number.
void skip_ordinal(Scan& s) {
    if (s.eat('.'))
        return;
    if (s.peek() == '\xC2' && s.peek(1) == '\xBA') {
        s.eat('\xC2');
        s.eat('\xBA');
        return;
    }
    Scan t = s;
    std::string w = t.word();
    if (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er")
        s = t;
}

// A Spanish or Portuguese "de" between day, month and year.
void skip_de(Scan& s) {
    Scan t = s;
    if (t.word() == "de") {
        t.blanks();
        s = t;
    }
}

// "December 19, 2014", "Dec. 19th 2014", "Nov 20 2019".
std::optional<Reading> month_first(Scan& s) {
    Scan t = s;
    auto m = month_word(t);
    if (!m)
        return std::nullopt;
    t.blanks();
    auto d = t.number(1, 2);
    if (!d)
        return std::nullopt;
    skip_ordinal(t);
    t.eat(',');
    t.blanks();
    auto y = t.number(4, 4);
    if (!y || !at_word_end(t))
        return std::nullopt;
    s = t;
    return ymd(*y, *m, *d);
}

// "19 December 2014", "19. Dezember 2014", "19 de diciembre de 2014", "1er mai 2015".
std::optional<Reading> day_first(Scan& s) {
    Scan t = s;
    auto d = t.number(1, 2);
    if (!d)
        return std::nullopt;
    skip_ordinal(t);
    t.blanks();
    skip_de(t);
    auto m = month_word(t);
    if (!m)
        return std::nullopt;
    t.eat(',');
    t.blanks();
    skip_de(t);
    auto y = t.number(4, 4);
    if (!y || !at_word_end(t))
        return std::nullopt;
    s = t;
    return ymd(*y, *m, *d);
}

std::string order_note(int a, int b, int y, bool month_is_first) {
    int day = month_is_first ? b : a;
    int month = month_is_first ? a : b;
    return fmt::format(
        "{:02}/{:02}/{} read {}-first as {}-{:02}-{:02}; the page's language does not say "
        "which comes first",
        a, b, y, month_is_first ? "month" : "day", y, month, day);
}

// Year last, separated by '/', '-' or '.': which of the first two is the month.
Reading day_month_year(int a, int b, int y, char sep, NumericOrder order) {
    if (sep == '.' || (a > 12 && b <= 12))
        return ymd(y, b, a);
    if (b > 12 && a <= 12)
        return ymd(y, a, b);
    if (order == NumericOrder::day_first)
        return ymd(y, b, a);
    if (order == NumericOrder::month_first || a == b)
        return ymd(y, a, b);
    Reading r = ymd(y, a, b);
    r.ambiguous = true;
    r.note = order_note(a, b, y, true);
    return r;
}

// 2014/12/19, 19/12/2014, 12/19/2014, 19.12.2014, 14-12-29.
std::optional<Reading> numeric(Scan& s, NumericOrder order) {
    Scan t = s;
    int n1 = 0, n3 = 0;
    auto a = t.number(1, 4, &n1);
    char sep = t.peek();
    if (!a || (sep != '/' && sep != '-' && sep != '.'))
        return std::nullopt;
    t.eat(sep);
    auto b = t.number(1, 2);
    if (!b || !t.eat(sep))
        return std::nullopt;
    auto c = t.number(1, 4, &n3);
    bool time_follows = t.peek() == 'T' && is_digit(t.peek(1));
    if (!c || (is_letter(t.peek()) && !time_follows) || (t.peek() == sep && is_digit(t.peek(1))))
        return std::nullopt;
    std::optional<Reading> r;
    if (n1 == 4 && n3 <= 2)
        r = ymd(*a, *b, *c);
    else if (n3 == 4 && n1 <= 2)
        r = day_month_year(*a, *b, *c, sep, order);
    else if (n1 == 2 && n3 == 2 && sep == '-')
        r = ymd(*a < 70 ? 2000 + *a : 1900 + *a, *b, *c);
    if (r)
        s = t;
    return r;
}

// "7:47 PM", "19:47", "09:28:00.123", "10h30" -> seconds since midnight.
std::optional<seconds> clock_time(Scan& s, std::string& fraction) {
    Scan t = s;
    auto h = t.number(1, 2);
    if (!h)
        return std::nullopt;
    int m = 0, sec = 0;
    if (t.eat(':')) {
        auto mm = t.number(2, 2);
        if (!mm)
            return std::nullopt;
        m = *mm;
        if (t.eat(':')) {
            auto ss = t.number(2, 2);
            if (!ss)
                return std::nullopt;
            sec = *ss;
            if (t.peek() == '.' && is_digit(t.peek(1))) {
                std::size_t start = t.pos();
                t.eat('.');
                while (is_digit(t.peek()))
                    t.eat(t.peek());
                fraction = std::string(s.rest().substr(start - s.pos(), t.pos() - start));
            }
        }
    } else if (t.eat('h')) {
        auto mm = t.number(2, 2);
        if (!mm)
            return std::nullopt;
        m = *mm;
    } else {
        return std::nullopt;
    }
    // am / pm / a.m. / p.m.
    Scan u = t;
    u.blanks();
    std::string w = u.word();
    if (w == "a" || w == "p") {
        std::string rest = u.word();
        if (rest == "m")
            w += "m";
    }
    if (w == "am" || w == "pm") {
        if (*h < 1 || *h > 12)
            return std::nullopt;
        *h %= 12;
        if (w == "pm")
            *h += 12;
        t = u;
    }
    if (*h > 23 || m > 59 || sec > 60)
        return std::nullopt;
    s = t;
    return hours{*h} + minutes{m} + seconds{std::min(sec, 59)};
}

// "+0000", "-05:00", "-5:00", "+01" -> minutes east of UTC.
std::optional<minutes> numeric_offset(Scan& s) {
    Scan t = s;
    int sign = t.eat('+') ? 1 : (t.eat('-') ? -1 : 0);
    if (sign == 0)
        return std::nullopt;
    int n = 0;
    auto v = t.number(1, 4, &n);
    if (!v || n == 3)
        return std::nullopt;
    int h = *v, m = 0;
    if (n == 4) {
        h = *v / 100;
        m = *v % 100;
    } else if (t.eat(':')) {
        auto mm = t.number(2, 2);
        if (!mm)
            return std::nullopt;
        m = *mm;
    }
    if (h > 14 || m > 59)
        return std::nullopt;
    s = t;
    return minutes{sign * (h * 60 + m)};
}

// "EST", "GMT", "GMT+0000", "UTC+1", "Z", "-05:00", then "(UTC)" if present.
void zone(Scan& s, Reading& r) {
    Scan t = s;
    t.blanks();
    if (auto off = numeric_offset(t)) {
        r.offset = off;
    } else {
        std::size_t start = t.pos();
        std::string w = t.word();
        auto named = look_up(k_zones, w);
        if (!named)
            return;
        r.offset = minutes{*named};
        r.zulu = w == "z" && t.pos() == start + 1;
        if (w == "gmt" || w == "utc") {
            if (auto off = numeric_offset(t))
                r.offset = off;
        }
    }
    Scan u = t;
    u.blanks();
    if (u.eat('(')) {
        while (!u.done() && u.peek() != ')' && u.peek() != '(')
            u.eat(u.peek());
        if (u.eat(')'))
            t = u;
    }
    s = t;
}

// ", 07:47 PM EST", " at 3:45 pm", " um 10:30 Uhr", " à 10h30", "T09:00".
void time_of_day(Scan& s, Reading& r) {
    Scan t = s;
    if (!t.eat('T')) {
        t.blanks();
        if (t.eat(',') || t.eat('-') || t.eat('|') || t.eat('@'))
            t.blanks();
        Scan u = t;
        std::string w = u.word();
        if (w == "at" || w == "um" || w == "à" || w == "a" || w == "kl") {
            u.blanks();
            Scan v = u;
            if (v.word() == "las")
                v.blanks(), u = v;
            t = u;
        }
    }
    std::string fraction;
    auto time = clock_time(t, fraction);
    if (!time)
        return;
    r.time = time;
    r.fraction = fraction;
    Scan u = t;
    u.blanks();
    if (u.word() == "uhr")
        t = u;
    zone(t, r);
    s = t;
}

std::optional<Reading> read_date_at(std::string_view text, std::size_t pos, NumericOrder order) {
    Scan s(text, pos);
    skip_weekday(s);
    std::optional<Reading> r = month_first(s);
    if (!r)
        r = day_first(s);
    if (!r)
        r = numeric(s, order);
    if (!r)
        return std::nullopt;
    // The JavaScript form puts the year after the day: "Nov 20 2019 09:28:00".
    time_of_day(s, *r);
    r->end = s.pos();
    return r;
}

Expected<DateText> to_date_text(const Reading& r, std::string_view written) {
    year_month_day ymd{year{r.year}, month{static_cast<unsigned>(r.month)},
                       day{static_cast<unsigned>(r.day)}};
    if (r.month < 1 || r.month > 12 || r.day < 1 || !ymd.ok())
        return fail(make_error("", fmt::format("impossible date '{}'", written)));
    DateText out;
    out.timestamp.date = ymd;
    out.timestamp.time_of_day = r.time;
    out.timestamp.fraction = r.fraction;
    out.timestamp.offset = r.offset;
    out.timestamp.zulu = r.zulu;
    out.timestamp.text = std::string(written);
    out.ambiguous = r.ambiguous;
    out.note = r.note;
    return out;
}

bool starts_token(std::string_view text, std::size_t i) {
    return is_alnum(text[i]) && (i == 0 || !is_alnum(text[i - 1]));
}

}  // namespace

NumericOrder numeric_order_for(std::string_view language) {
    std::string lang = to_lower(trim(language));
    std::replace(lang.begin(), lang.end(), '_', '-');
    if (lang.empty() || lang == "en")
        return NumericOrder::unknown;
    if (lang.starts_with("en-us") || lang.starts_with("en-ph"))
        return NumericOrder::month_first;
    return NumericOrder::day_first;
}

Expected<DateText> parse_date_text(std::string_view raw, std::string_view language) {
    std::string_view text = trim(raw);
    if (text.empty())
        return fail(make_error("", "not a date: the value is empty"));
    if (auto iso = parse_timestamp(text))
        return plain_date_text(std::move(*iso));
    auto r = read_date_at(text, 0, numeric_order_for(language));
    if (r) {
        Scan rest(text, r->end);
        rest.blanks();
        if (rest.done())
            return to_date_text(*r, text);
    }
    return fail(make_error("", fmt::format("not a date: '{}'", text)));
}

std::optional<DateText> find_date_in_text(std::string_view text, std::string_view language) {
    NumericOrder order = numeric_order_for(language);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!starts_token(text, i))
            continue;
        auto r = read_date_at(text, i, order);
        if (!r)
            continue;
        std::string_view written = trim(text.substr(i, r->end - i));
        auto found = to_date_text(*r, written);
        if (!found)
            continue;
        found->begin = i;
        return std::move(*found);
    }
    return std::nullopt;
}

bool is_placeholder_date(const Timestamp& ts) {
    auto y = static_cast<int>(ts.date.year());
    auto m = static_cast<unsigned>(ts.date.month());
    auto d = static_cast<unsigned>(ts.date.day());
    return (y == 1970 && m == 1 && d == 1) || (y == 1969 && m == 12 && d == 31) ||
           (y == 1900 && m == 1 && d == 1) || (y <= 1 && m == 1 && d == 1);
}

bool is_placeholder_text(std::string_view text) {
    text = trim(text);
    return text.starts_with("0000-00-00") || text.starts_with("0000/00/00") ||
           text.starts_with("00/00/0000") || text.starts_with("00.00.0000");
}

}  // namespace archtag::article

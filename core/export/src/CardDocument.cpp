#include "CardDocument.h"

#include <algorithm>
#include <sstream>

namespace flightdeck::exporting::card {

void Document::heading(std::string t, int level)
{
    Block b;
    b.kind = Block::Heading;
    b.level = level;
    b.items.push_back({text(std::move(t))});
    blocks.push_back(std::move(b));
}

void Document::paragraph(Inline spans)
{
    Block b;
    b.kind = Block::Paragraph;
    b.items.push_back(std::move(spans));
    blocks.push_back(std::move(b));
}

void Document::bullets(std::vector<Inline> items)
{
    Block b;
    b.kind = Block::Bullets;
    b.items = std::move(items);
    blocks.push_back(std::move(b));
}

void Document::table(std::vector<std::string> header, std::vector<std::vector<Inline>> rows)
{
    Block b;
    b.kind = Block::Table;
    b.header = std::move(header);
    b.rows = std::move(rows);
    blocks.push_back(std::move(b));
}

void Document::facts(std::vector<std::pair<std::string, Inline>> rows)
{
    std::vector<std::vector<Inline>> cells;
    for (auto& [name, value] : rows)
        cells.push_back({{text(name)}, std::move(value)});
    table({"", ""}, std::move(cells));
}

void Document::codeBlock(std::string c, std::string language)
{
    Block b;
    b.kind = Block::CodeBlock;
    b.code = std::move(c);
    b.language = std::move(language);
    blocks.push_back(std::move(b));
}

namespace {

// Markdown: backslash-escape the punctuation that could start emphasis, links, code or a
// table cell; write <, > and & as entities so that no name is ever read as raw HTML (Markdown
// renderers pass raw HTML through). Newlines would end a table row or paragraph.
std::string mdText(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
            out += '\\';
            out += c;
            break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '\n': case '\r': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

// A code span needs a backtick run longer than any inside it (CommonMark), and no newline.
std::string mdCode(std::string s)
{
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::size_t longest = 0, run = 0;
    for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
    return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
}

bool onlyNumberText(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ' ' || c == '[' ||
               c == ']' || c == '-' || c == '+' || c == 'e';
    });
}

std::string mdInline(const Inline& spans)
{
    std::string out;
    for (const Span& s : spans) {
        if (s.kind == Span::Code)
            out += mdCode(s.text);
        else if (s.kind == Span::Number && onlyNumberText(s.text))
            out += s.text;
        else if (s.kind == Span::Bold && !s.text.empty())
            out += "**" + mdText(s.text) + "**";
        else
            out += mdText(s.text);
    }
    return out;
}

std::string htmlInline(const Inline& spans)
{
    std::string out;
    for (const Span& s : spans) {
        if (s.kind == Span::Code)
            out += "<code>" + escapeHtml(s.text) + "</code>";
        else if (s.kind == Span::Bold)
            out += "<strong>" + escapeHtml(s.text) + "</strong>";
        else
            out += escapeHtml(s.text);
    }
    return out;
}

std::string plain(const Inline& spans)
{
    std::string out;
    for (const Span& s : spans)
        out += s.text;
    return out;
}

constexpr const char* kCss =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;"
    "margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}"
    "h1{border-bottom:2px solid #d0d7de;padding-bottom:.3rem}"
    "h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}"
    "th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}"
    "th{background:#f6f8fa}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}"
    "code,pre{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em;"
    "background:#f6f8fa}"
    "pre{padding:.6rem;overflow:auto;border:1px solid #d0d7de}"
    "code{padding:0 .2rem;word-break:break-all}";

bool looksNumeric(const std::string& s)
{
    if (s.empty())
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' ||
               c == ' ' || c == ',' || c == '[' || c == ']' || c == '%';
    });
}

}  // namespace

std::string escapeHtml(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // XML 1.0 forbids most C0 controls even as references; a hostile name keeps
            // its visible text and loses the control.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
                out += "\xEF\xBF\xBD";   // U+FFFD
            else
                out += c;
        }
    }
    return out;
}

std::string renderMarkdown(const Document& doc)
{
    std::ostringstream md;
    md << "# " << mdText(doc.title) << "\n\n";
    for (const Block& b : doc.blocks) {
        switch (b.kind) {
        case Block::Heading:
            md << std::string(static_cast<std::size_t>(std::clamp(b.level, 1, 6)), '#') << ' '
               << mdInline(b.items.front()) << "\n\n";
            break;
        case Block::Paragraph:
            md << mdInline(b.items.front()) << "\n\n";
            break;
        case Block::Bullets:
            for (const Inline& item : b.items)
                md << "- " << mdInline(item) << "\n";
            md << "\n";
            break;
        case Block::Table: {
            md << "|";
            for (const auto& h : b.header)
                md << ' ' << mdText(h) << (h.empty() ? "|" : " |");
            md << "\n|";
            for (std::size_t i = 0; i < b.header.size(); ++i)
                md << "---|";
            md << "\n";
            for (const auto& row : b.rows) {
                md << "|";
                for (const Inline& c : row)
                    md << ' ' << mdInline(c) << " |";
                md << "\n";
            }
            md << "\n";
            break;
        }
        case Block::CodeBlock: {
            std::string fence = "```";
            while (b.code.find(fence) != std::string::npos)
                fence += '`';
            md << fence << b.language << "\n" << b.code << "\n" << fence << "\n\n";
            break;
        }
        }
    }
    std::string out = md.str();
    while (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0)
        out.pop_back();
    return out;
}

std::string renderHtml(const Document& doc)
{
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      << "<title>" << escapeHtml(doc.title) << "</title>\n<style>" << kCss
      << "</style>\n</head>\n<body>\n<h1>" << escapeHtml(doc.title) << "</h1>\n";
    for (const Block& b : doc.blocks) {
        switch (b.kind) {
        case Block::Heading: {
            const int level = std::clamp(b.level, 1, 6);
            h << "<h" << level << ">" << htmlInline(b.items.front()) << "</h" << level << ">\n";
            break;
        }
        case Block::Paragraph:
            h << "<p>" << htmlInline(b.items.front()) << "</p>\n";
            break;
        case Block::Bullets:
            h << "<ul>\n";
            for (const Inline& item : b.items)
                h << "<li>" << htmlInline(item) << "</li>\n";
            h << "</ul>\n";
            break;
        case Block::Table: {
            h << "<table>\n";
            const bool header = std::any_of(b.header.begin(), b.header.end(),
                                            [](const std::string& s) { return !s.empty(); });
            if (header) {
                h << "<thead><tr>";
                for (const auto& c : b.header)
                    h << "<th>" << escapeHtml(c) << "</th>";
                h << "</tr></thead>\n";
            }
            h << "<tbody>\n";
            for (const auto& row : b.rows) {
                h << "<tr>";
                for (std::size_t i = 0; i < row.size(); ++i) {
                    // A facts table's first column names the row.
                    if (!header && i == 0)
                        h << "<th scope=\"row\">" << htmlInline(row[i]) << "</th>";
                    else if (i > 0 && looksNumeric(plain(row[i])))
                        h << "<td class=\"num\">" << htmlInline(row[i]) << "</td>";
                    else
                        h << "<td>" << htmlInline(row[i]) << "</td>";
                }
                h << "</tr>\n";
            }
            h << "</tbody>\n</table>\n";
            break;
        }
        case Block::CodeBlock:
            h << "<pre><code>" << escapeHtml(b.code) << "</code></pre>\n";
            break;
        }
    }
    h << "</body>\n</html>\n";
    return h.str();
}

}  // namespace flightdeck::exporting::card

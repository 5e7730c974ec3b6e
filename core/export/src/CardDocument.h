#pragma once
// The model card as a small document tree, rendered twice: model_card.md and model_card.html.
// Building the content once and rendering it twice is what keeps the two files saying the same
// thing; each renderer escapes every piece of text for its own format, so a run or class name
// can never become markup (a "<script>" in a run name is text in both).
#include <string>
#include <vector>

namespace flightdeck::exporting::card {

struct Span {
    // Number: generated figures such as "[0.7003, 0.9188]", written without Markdown's
    // backslashes when they hold nothing but digits and number punctuation.
    enum Kind { Text, Bold, Code, Number } kind = Text;
    std::string text;
};
using Inline = std::vector<Span>;

inline Span text(std::string s) { return {Span::Text, std::move(s)}; }
inline Span bold(std::string s) { return {Span::Bold, std::move(s)}; }
inline Span code(std::string s) { return {Span::Code, std::move(s)}; }
inline Span number(std::string s) { return {Span::Number, std::move(s)}; }

struct Block {
    enum Kind { Heading, Paragraph, Bullets, Table, CodeBlock } kind = Paragraph;
    int level = 2;                          // Heading
    std::vector<Inline> items;              // Paragraph: one; Bullets: one per bullet
    std::vector<std::string> header;        // Table
    std::vector<std::vector<Inline>> rows;  // Table
    std::string code;                       // CodeBlock (verbatim)
    std::string language;                   // CodeBlock
};

struct Document {
    std::string title;
    std::vector<Block> blocks;

    void heading(std::string t, int level = 2);
    void paragraph(Inline spans);
    void bullets(std::vector<Inline> items);
    void table(std::vector<std::string> header, std::vector<std::vector<Inline>> rows);
    // A two-column "field | value" table without a header row of its own.
    void facts(std::vector<std::pair<std::string, Inline>> rows);
    void codeBlock(std::string code, std::string language);
};

std::string renderMarkdown(const Document& doc);
// A self-contained page: inline CSS, no scripts, no external resources; XHTML-compatible so
// that an XML parser accepts it as well as a browser.
std::string renderHtml(const Document& doc);

std::string escapeHtml(const std::string& s);

}  // namespace flightdeck::exporting::card

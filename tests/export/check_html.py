# Strict well-formedness and self-containment check of a generated HTML page (CheckHtml.h).
# Usage: check_html.py PAGE TEXT_OUT; exit 1 with one problem per line.
import sys, html.parser
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"}
FORBIDDEN = {"script", "iframe", "object", "embed", "link", "img", "base", "form"}
class Strict(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.text = [], [], set(), []
        self.in_style = False
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "href"):
                self.errors.append("attribute %s on <%s>" % (name, tag))
        if tag not in VOID:
            self.stack.append(tag)
        self.in_style = tag == "style"
    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in VOID:
            self.errors.append("self-closed non-void <%s/>" % tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> while open: %s" % (tag, self.stack))
        else:
            self.stack.pop()
        self.in_style = False
    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)
p = Strict()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if p.stack:
    p.errors.append("unclosed: %s" % p.stack)
for tag in FORBIDDEN & p.tags:
    p.errors.append("forbidden element <%s>" % tag)
for tag in ("html", "head", "body", "title", "style"):
    if tag not in p.tags:
        p.errors.append("missing <%s>" % tag)
open(sys.argv[2], "w", encoding="utf-8").write("".join(p.text))
print("\n".join(p.errors))
sys.exit(1 if p.errors else 0)

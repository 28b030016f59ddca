package site

import (
	"bytes"
	"html"
	"io"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/govreport/govreport/internal/typo"
)

// unmarked are the elements of <main> whose text is never marked: not the
// report's (the disclosure metadata), or a placeholder already marked (<u>
// from the figure tables). Outside <main> is the portal's own text.
var unmarked = map[string]bool{"script": true, "style": true, "textarea": true, "dl": true, "u": true}

// markHTML wraps the placeholders of an HTML page's text in <u>, copying
// every other token as it was written, and puts the note where the page
// asks for it when it marked any.
func markHTML(page []byte) []byte {
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	var skip []string // open elements whose text is not marked
	inMain, note, marks := false, -1, 0
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return page // not HTML we can read: leave it as it is
			}
			b := out.Bytes()
			if note >= 0 && marks > 0 {
				b = append(b[:note:note], append([]byte(placeholderNote), b[note:]...)...)
			}
			return b
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if isNoteSlot(z, name) {
				note = out.Len()
				z.Next() // its end tag
				continue
			}
			inMain = inMain || string(name) == "main"
			if unmarked[string(name)] {
				skip = append(skip, string(name))
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			inMain = inMain && string(name) != "main"
			if len(skip) > 0 && skip[len(skip)-1] == string(name) {
				skip = skip[:len(skip)-1]
			}
		case xhtml.TextToken:
			if inMain && len(skip) == 0 {
				text, n := markText(html.UnescapeString(string(z.Raw())))
				out.WriteString(text)
				marks += n
				continue
			}
		}
		out.Write(z.Raw())
	}
}

// isNoteSlot reports whether the start tag just read is <p id="pn">.
func isNoteSlot(z *xhtml.Tokenizer, name []byte) bool {
	if string(name) != "p" {
		return false
	}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "id" && string(v) == "pn" {
			return true
		}
	}
	return false
}

// markText escapes text for HTML, each placeholder wrapped in <u>, and
// returns how many it marked.
func markText(s string) (string, int) {
	var b strings.Builder
	last := 0
	holders := typo.Placeholders(s)
	for _, r := range holders {
		b.WriteString(html.EscapeString(s[last:r[0]]))
		b.WriteString("<u>" + html.EscapeString(s[r[0]:r[1]]) + "</u>")
		last = r[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String(), len(holders)
}

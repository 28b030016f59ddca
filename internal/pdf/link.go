package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"

	xhtml "golang.org/x/net/html"
)

// slotID is the id of the element a report page keeps for its PDF link
// (layouts/reports/page.html): <span id="pdf"></span> in its downloads line.
const slotID = "pdf"

// LinkSite links each report's PDF from its page, with the PDF's size (see
// LinkPage); slugs nil means every report of the site.
func LinkSite(public string, slugs []string) error {
	if slugs == nil {
		var err error
		if slugs, err = Reports(public); err != nil {
			return err
		}
	}
	for _, s := range slugs {
		if _, err := LinkPage(public, s); err != nil {
			return err
		}
	}
	return nil
}

// LinkPage fills the PDF slot of the report page reports/<slug>.html under
// public with a link to reports/<slug>/<slug>.pdf and its size — " · PDF
// （235 KB）" — or empties it when there is no PDF. It works on the built
// (minified) page, so it can run after any build, as often as wanted: the
// slot keeps its id. It reports whether the page has a slot; a page
// without one (a layout that leaves the link out) is left as it is. The
// page is replaced atomically.
func LinkPage(public, slug string) (bool, error) {
	if err := checkSlug(slug); err != nil {
		return false, err
	}
	pagePath := reportPage(public, slug)
	page, err := os.ReadFile(pagePath)
	if err != nil {
		return false, err
	}
	size := int64(-1)
	if st, err := os.Stat(PDFPath(public, slug)); err == nil {
		size = st.Size()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	out, found, err := fillSlot(page, slotID, slotHTML(slug, size))
	if err != nil {
		return false, fmt.Errorf("%s: %w", pagePath, err)
	}
	if !found || bytes.Equal(out, page) {
		return found, nil
	}
	return true, writeFileAtomic(pagePath, out)
}

// slotHTML is the slot's content for a PDF of size bytes; size < 0: none.
// The link is relative to the report page, as its other downloads are.
func slotHTML(slug string, size int64) string {
	if size < 0 {
		return ""
	}
	href := html.EscapeString(slug + "/" + slug + ".pdf")
	return fmt.Sprintf(` · <a href="%s" download>PDF（%s）</a>`, href, formatSize(size))
}

// formatSize writes a file size as a reader expects it on a download link:
// 235 KB, 1.4 MB (units of 1024 bytes; at least 1 KB).
func formatSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", max(1, (n+512)>>10))
}

// fillSlot replaces the content of the page's <span id="ID"> (its first)
// with inner (HTML), copying every other byte as it was, and reports
// whether the page has the slot.
func fillSlot(page []byte, id, inner string) ([]byte, bool, error) {
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	depth := 0 // > 0: inside the slot, counting nested <span>s
	found := false
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return nil, false, z.Err()
			}
			if depth > 0 {
				return nil, false, fmt.Errorf(`<span id="%s"> is not closed`, id)
			}
			return out.Bytes(), found, nil
		case xhtml.StartTagToken:
			if depth > 0 {
				if isSpan(z) {
					depth++
				}
				continue
			}
			if !found && isSlot(z, id) {
				out.Write(z.Raw())
				out.WriteString(inner)
				depth, found = 1, true
				continue
			}
		case xhtml.EndTagToken:
			if depth > 0 {
				if isSpan(z) {
					depth--
				}
				if depth > 0 {
					continue
				}
			}
		default:
			if depth > 0 {
				continue
			}
		}
		out.Write(z.Raw())
	}
}

func isSpan(z *xhtml.Tokenizer) bool {
	name, _ := z.TagName()
	return string(name) == "span"
}

// isSlot reports whether the start tag just read is <span id="ID">.
func isSlot(z *xhtml.Tokenizer, id string) bool {
	name, more := z.TagName()
	if string(name) != "span" {
		return false
	}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "id" && string(v) == id {
			return true
		}
	}
	return false
}

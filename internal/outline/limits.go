package outline

import (
	"fmt"

	"github.com/govreport/govreport/internal/report"
)

// Limits on a report's shape, checked on import and whenever content is
// read back (markdown.Parse), so that every stage after them — indicators,
// the site — works on a bounded document. Each is about ten times what
// the longest real reports hold (some 30,000 characters in 600 blocks, the
// longest paragraph about 3,000 characters); the input size itself is
// bounded by source.MaxText, and the figures by indicator.MaxFigures.
const (
	// MaxParagraph is the longest block's text, in bytes of UTF-8: about
	// 21,000 Chinese characters, a whole part of a report run together.
	MaxParagraph = 64 << 10
	// MaxBlocks is the most headings, paragraphs and tables in a report.
	MaxBlocks = 20000
)

// CheckLimits refuses a report over one of the limits above, naming the
// file (name) and, for a paragraph, its line.
func CheckLimits(name string, doc *report.Doc) error {
	if n := len(doc.Blocks); n > MaxBlocks {
		return fmt.Errorf("%s: %d headings, paragraphs and tables, more than the %d a report may have (a long report has about 600): is this the right file?", name, n, MaxBlocks)
	}
	for _, b := range doc.Blocks {
		if n := blockSize(b); n > MaxParagraph {
			return fmt.Errorf("%s:%d: a paragraph of %d bytes, more than the %d a report's paragraph may have (about %d characters): break it into paragraphs", name, b.Line, n, MaxParagraph, MaxParagraph/3)
		}
	}
	return nil
}

// blockSize is the bytes of text in a block.
func blockSize(b report.Block) int {
	n := len(b.Marker) + len(b.Lead) + len(b.Text)
	for _, r := range b.Rows {
		for _, c := range r {
			n += len(c)
		}
	}
	return n
}

package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Input limits. No real report comes near them: the longest (a province's
// or the State Council's, about 30,000 characters) is some 100 KB of
// UTF-8 text; its .docx, with photos, a few MB. Larger input is refused
// before it is read, with a message that says so, so that every stage
// after this one works on a bounded input.
const (
	// MaxText is the largest text file read (bytes), and the most text a
	// .docx may hold (bytes of UTF-8): ten times the longest report.
	MaxText = 1 << 20
	// MaxDocx is the largest .docx file read (bytes); photos in it are
	// never unpacked. What its parts expand to is bounded separately
	// (docxMaxDocument …), and so are its paragraphs and table cells.
	MaxDocx = 64 << 20
)

// Read reads a report from a file's bytes, choosing the reader by content:
// a zip archive is read as .docx, anything else as text.
func Read(name string, data []byte) (*Source, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(data) == 0:
		return nil, fmt.Errorf("%s: the file is empty", name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || ext == ".docx":
		if len(data) > MaxDocx {
			return nil, tooLarge(name, len(data), MaxDocx, ".docx file")
		}
		return ReadDocx(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) || ext == ".doc" || ext == ".wps":
		return nil, fmt.Errorf("%s: an old binary Word/WPS file: open it in Word or WPS and save it as .docx", name)
	case len(data) > MaxText:
		return nil, tooLarge(name, len(data), MaxText, "text file")
	}
	return ReadText(name, data)
}

// tooLarge refuses an input over a limit, saying what a report's size is.
func tooLarge(name string, size, limit int, what string) error {
	return fmt.Errorf("%s: %d bytes is too large for a report: a %s may be at most %s (%d bytes); the longest reports are about 100 KB of text: is this the right file?",
		name, size, what, docxSize(int64(limit)), limit)
}

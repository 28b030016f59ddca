package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// maxText is the largest text input read, far above any real report.
const maxText = 256 << 20

// Read reads a report from a file's bytes, choosing the reader by content:
// a zip archive is read as .docx, anything else as text.
func Read(name string, data []byte) (*Source, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(data) == 0:
		return nil, fmt.Errorf("%s: the file is empty", name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || ext == ".docx":
		return ReadDocx(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) || ext == ".doc" || ext == ".wps":
		return nil, fmt.Errorf("%s: an old binary Word/WPS file: open it in Word or WPS and save it as .docx", name)
	case len(data) > maxText:
		return nil, fmt.Errorf("%s: %d MB is too large for a report (limit %d MB)", name, len(data)>>20, maxText>>20)
	}
	return ReadText(name, data)
}

package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govreport/govreport/internal/typo"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns data as UTF-8 text with LF line ends, detecting the encoding
// without flags: UTF-8 with or without a BOM, UTF-16 LE or BE with a BOM (what
// Word saves as "Unicode text"), or GB18030/GBK when the bytes are not UTF-8
// but decode to plausible Chinese text. Anything else is refused with an error
// that names the file and says what to do, rather than decoded into garbage.
func Decode(name string, data []byte) (string, error) {
	s, _, err := decode(name, data)
	return s, err
}

// decode is Decode, also naming the encoding when it had to be guessed
// from the text itself (UTF-16 without a byte-order mark), "" otherwise.
func decode(name string, data []byte) (text, guessed string, err error) {
	if len(data) == 0 {
		return "", "", errEmpty(name)
	}
	s, guessed, err := decodeBytes(name, data)
	if err != nil {
		return "", "", err
	}
	s = normalizeNewlines(s)
	if strings.TrimSpace(s) == "" {
		return "", "", errEmpty(name)
	}
	if off, r := typo.FirstControl(s); off >= 0 { // DEL, C1: a wrong code page or binary data
		return "", "", fmt.Errorf("%s:%d: control character U+%04X in the text (binary data, or a character from a wrong code page): delete or fix it and try again",
			name, strings.Count(s[:off], "\n")+1, r)
	}
	return s, guessed, nil
}

// decodeBytes picks the encoding: a BOM decides; otherwise UTF-16 if the
// NUL bytes fall as ASCII's do in it and it decodes to plausible text,
// UTF-8 if valid, else GB18030 if plausible.
func decodeBytes(name string, data []byte) (string, string, error) {
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) && binaryKind(data) == "" {
		if be, ok := utf16Order(data); ok {
			return decodeUTF16NoBOM(name, data, be)
		}
	}
	s, err := decodeMarked(name, data)
	return s, "", err
}

// decodeMarked decodes data that is not UTF-16 without a BOM.
func decodeMarked(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		body := data[len(bomUTF8):]
		if !utf8.Valid(body) {
			off := len(bomUTF8) + FirstInvalidUTF8(body)
			return "", errNotText(name, data, off)
		}
		return checkControls(name, data, string(body), len(bomUTF8))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(name, data)
	}
	if kind := binaryKind(data); kind != "" {
		return "", fmt.Errorf("%s: this is %s, not text: save the report as UTF-8 text and try again", name, kind)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", errBinary(name, data, i, "NUL byte")
	}
	if utf8.Valid(data) {
		return checkControls(name, data, string(data), 0)
	}
	if s, ok := decodeGB18030(data); ok {
		return s, nil
	}
	return "", errNotText(name, data, FirstInvalidUTF8(data))
}

// binaryKind names well-known binary formats by their magic bytes, so the
// error can say what the file really is.
func binaryKind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "a ZIP archive (a .docx? import it as .docx)"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "a PDF file (copy its text into a .txt file)"
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "an old Word .doc file (save it as .docx)"
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "an RTF file"
	}
	return ""
}

// checkControls refuses text carrying C0 control characters other than the
// whitespace ones: such bytes mean binary data, not a report.
func checkControls(name string, raw []byte, s string, base int) (string, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && !allowedControl(c) {
			return "", errBinary(name, raw, base+i, fmt.Sprintf("control character 0x%02X", c))
		}
	}
	return s, nil
}

// allowedControl reports whether a C0 control may appear in text: tab, line
// ends, form feed and vertical tab (PDF and Word page/line breaks), and the
// DOS end-of-file mark.
func allowedControl(c byte) bool {
	switch c {
	case '\t', '\n', '\r', '\f', '\v', 0x1A:
		return true
	}
	return false
}

// decodeUTF16 decodes text that starts with a UTF-16 BOM, refusing odd
// lengths and unpaired surrogates instead of inserting U+FFFD.
func decodeUTF16(name string, data []byte) (string, error) {
	be := data[0] == 0xFE
	if off := badUTF16(data, be); off >= 0 {
		return "", fmt.Errorf("%s: broken UTF-16 text (byte %d, line %d): save the file as UTF-8 and try again",
			name, off+1, utf16Line(data[:off], be))
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%s: broken UTF-16 text (%v): save the file as UTF-8 and try again", name, err)
	}
	for i, c := range out {
		if c < 0x20 && !allowedControl(c) {
			return "", fmt.Errorf("%s: binary data in UTF-16 text (control character 0x%02X at character %d): save the report as UTF-8 text and try again",
				name, c, utf8.RuneCount(out[:i])+1)
		}
	}
	return string(out), nil
}

// utf16Order tells UTF-16 without a byte-order mark by where its NUL bytes
// fall: text always holds some ASCII (line ends, digits), whose high byte is
// NUL, so most NULs are at odd offsets in little-endian text and at even
// ones in big-endian (a character such as 一, U+4E00, puts one on the other
// side). ok is false when data does not look so.
func utf16Order(data []byte) (be, ok bool) {
	var even, odd int
	for i, c := range data {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	n := len(data) / 2
	switch {
	case odd >= n/20 && even*5 <= odd: // at least 5% ASCII, NULs mostly on one side
		return false, true
	case even >= n/20 && odd*5 <= even:
		return true, true
	}
	return false, false
}

// decodeUTF16NoBOM decodes data as UTF-16 in the byte order given and
// keeps it only if it reads as a report: no controls, and text made of
// Chinese, ASCII and CJK punctuation; otherwise it says what it found.
func decodeUTF16NoBOM(name string, data []byte, be bool) (string, string, error) {
	order, bom := "LE", bomUTF16LE
	if be {
		order, bom = "BE", bomUTF16BE
	}
	refuse := fmt.Errorf("%s: this looks like UTF-16 %s text without a byte-order mark, but it does not read as text: save the report as UTF-8 text and try again", name, order)
	if len(data)%2 != 0 || badUTF16(append(bom[:2:2], data...), be) >= 0 {
		return "", "", refuse
	}
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(append(bom[:2:2], data...))
	if err != nil || !textPlausible(string(out)) {
		return "", "", refuse
	}
	return string(out), "UTF-16 " + order + " without a byte-order mark", nil
}

// textPlausible reports whether s reads as a Chinese report: no controls
// but whitespace, and at least 90% of its characters Chinese, ASCII or
// CJK and full-width punctuation.
func textPlausible(s string) bool {
	good, all := 0, 0
	for _, r := range s {
		all++
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			return false
		case r < 0x7F, r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F,
			r >= 0xFF00 && r <= 0xFFEF, r >= 0x2010 && r <= 0x2027, r == 0x3007:
			good++
		}
	}
	return all > 0 && good*10 >= all*9
}

// badUTF16 returns the byte offset of the first malformed code unit after
// the BOM, or -1.
func badUTF16(data []byte, be bool) int {
	if len(data)%2 != 0 {
		return len(data) - 1
	}
	for i := 2; i < len(data); i += 2 {
		u := unit16(data[i:], be)
		switch {
		case u >= 0xDC00 && u <= 0xDFFF:
			return i // a low surrogate with no high one before it
		case u >= 0xD800 && u <= 0xDBFF:
			if i+2 >= len(data) {
				return i
			}
			if v := unit16(data[i+2:], be); v < 0xDC00 || v > 0xDFFF {
				return i
			}
			i += 2
		}
	}
	return -1
}

func unit16(b []byte, be bool) uint16 {
	if be {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

func utf16Line(data []byte, be bool) int {
	line := 1
	for i := 2; i+1 < len(data); i += 2 {
		if unit16(data[i:], be) == '\n' {
			line++
		}
	}
	return line
}

// decodeGB18030 decodes data as GB18030 if the result is plausible Chinese
// text; see gbPlausible.
func decodeGB18030(data []byte) (string, bool) {
	if !gbPlausible(data) {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// gbPlausible walks data as GB18030 and accepts it only if every sequence is
// well formed, there are no C0 controls other than whitespace, and at least
// 80% of the multi-byte characters are GB2312 hanzi or punctuation — the
// characters a report is made of. Latin-1 or random bytes that happen to
// form valid GB18030 land mostly in the rarer GBK extension ranges, so they
// are refused instead of being silently garbled.
func gbPlausible(data []byte) bool {
	common, rare := 0, 0
	for i := 0; i < len(data); {
		n, kind := gbSeq(data[i:])
		switch kind {
		case gbInvalid:
			return false
		case gbCommon:
			common++
		case gbRare:
			rare++
		}
		i += n
	}
	return common+rare > 0 && common*5 >= (common+rare)*4
}

type gbKind int

const (
	gbInvalid gbKind = iota
	gbASCII
	gbCommon
	gbRare
)

// gbSeq classifies the GB18030 sequence at the start of b and returns its
// length.
func gbSeq(b []byte) (int, gbKind) {
	c := b[0]
	switch {
	case c < 0x80:
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return 1, gbInvalid
		}
		return 1, gbASCII
	case c == 0x80:
		return 1, gbCommon // € in GBK and Windows-1252 alike
	case c == 0xFF || len(b) < 2:
		return 1, gbInvalid
	}
	d := b[1]
	switch {
	case d >= 0x30 && d <= 0x39:
		if len(b) < 4 || b[2] < 0x81 || b[2] > 0xFE || b[3] < 0x30 || b[3] > 0x39 {
			return 1, gbInvalid
		}
		return 4, gbRare
	case d < 0x40 || d == 0x7F || d == 0xFF:
		return 1, gbInvalid
	}
	return 2, gb2Kind(c, d)
}

// gb2Kind tells GB2312 hanzi and symbols (common) from GBK extensions (rare).
func gb2Kind(c, d byte) gbKind {
	switch {
	case d >= 0xA1 && c >= 0xB0 && c <= 0xF7:
		return gbCommon // GB2312 hanzi, levels 1 and 2
	case d >= 0xA1 && c >= 0xA1 && c <= 0xA9:
		return gbCommon // GB2312 punctuation and full-width forms
	case c == 0xA9 && d == 0x96:
		return gbCommon // 〇, as in 二〇二三年
	}
	return gbRare
}

// FirstInvalidUTF8 returns the offset of the first byte of b that is not
// part of valid UTF-8, or len(b).
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineOf returns the 1-based line holding byte off, counting LF, CRLF and
// lone CR line ends.
func lineOf(data []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' || data[i] == '\r' && (i+1 >= len(data) || data[i+1] != '\n') {
			line++
		}
	}
	return line
}

// normalizeNewlines turns CRLF, CR, form feed and vertical tab into LF and
// drops DOS end-of-file marks.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 && strings.IndexByte(s, '\f') < 0 &&
		strings.IndexByte(s, '\v') < 0 && strings.IndexByte(s, 0x1A) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case '\f', '\v':
			b.WriteByte('\n')
		case 0x1A:
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func errEmpty(name string) error {
	return fmt.Errorf("%s: the file is empty: check that you chose the right file", name)
}

func errBinary(name string, data []byte, off int, what string) error {
	return fmt.Errorf("%s: binary data, not text (%s at byte %d, line %d): save the report as UTF-8 text and try again",
		name, what, off+1, lineOf(data, off))
}

func errNotText(name string, data []byte, off int) error {
	return fmt.Errorf("%s: not UTF-8, GB18030 or UTF-16 text (byte %d, line %d): save the file as UTF-8 and try again",
		name, off+1, lineOf(data, off))
}

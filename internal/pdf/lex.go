package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// A small reader of PDF syntax (ISO 32000-1 §7.2, §7.3): enough to walk the
// objects of the file Chromium writes and to read and edit the entries of a
// dictionary, keeping every value's bytes as they were written.

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace returns the index of the first byte at or after i that is not
// white space or part of a comment.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// regular returns the end of the run of regular characters at i (a number,
// a keyword such as obj or true).
func regular(b []byte, i int) int {
	for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
		i++
	}
	return i
}

// syntaxError describes bad PDF syntax at a byte offset.
func syntaxError(at int, format string, args ...any) error {
	return fmt.Errorf("PDF syntax at byte %d: %s", at, fmt.Sprintf(format, args...))
}

// skipValue returns the end of the value that starts at i (white space
// already skipped): a dictionary or an array with all it holds, a string, a
// name, a number, a keyword, or a reference "12 0 R" as one value.
func skipValue(b []byte, i int) (int, error) {
	if i >= len(b) {
		return i, syntaxError(i, "a value is missing")
	}
	switch c := b[i]; {
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		return skipContainer(b, i+2, ">>")
	case c == '[':
		return skipContainer(b, i+1, "]")
	case c == '(':
		return skipString(b, i)
	case c == '<':
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			return i, syntaxError(i, "a hex string is not closed")
		}
		return i + end + 1, nil
	case c == '/':
		return regular(b, i+1), nil
	case isDelim(c):
		return i, syntaxError(i, "unexpected %q", c)
	}
	end := regular(b, i)
	if isInt(b[i:end]) { // perhaps a reference: int int R
		j := skipSpace(b, end)
		k := regular(b, j)
		if isInt(b[j:k]) {
			l := skipSpace(b, k)
			if l < len(b) && b[l] == 'R' && regular(b, l) == l+1 {
				return l + 1, nil
			}
		}
	}
	return end, nil
}

// skipContainer skips the values of a dictionary or an array up to its
// closing delimiter.
func skipContainer(b []byte, i int, closing string) (int, error) {
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return i, syntaxError(i, "%s is missing", closing)
		}
		if bytes.HasPrefix(b[i:], []byte(closing)) {
			return i + len(closing), nil
		}
		end, err := skipValue(b, i)
		if err != nil {
			return end, err
		}
		i = end
	}
}

// skipString skips a literal string: balanced parentheses, backslash
// escapes.
func skipString(b []byte, i int) (int, error) {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return i, syntaxError(i, "a string is not closed")
}

func isInt(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// entry is one key of a dictionary and its value as written.
type entry struct {
	key     string // the name with its slash: "/Length"
	val     []byte
	at, end int // where val is in the bytes read
}

// dict is a dictionary's entries in their order.
type dict []entry

// readDict reads the dictionary at b (which must start with "<<", after
// white space).
func readDict(b []byte) (dict, error) {
	i := skipSpace(b, 0)
	if !bytes.HasPrefix(b[i:], []byte("<<")) {
		return nil, syntaxError(i, "a dictionary was expected")
	}
	var d dict
	for i += 2; ; {
		i = skipSpace(b, i)
		if bytes.HasPrefix(b[i:], []byte(">>")) {
			return d, nil
		}
		if i >= len(b) || b[i] != '/' {
			return nil, syntaxError(i, "a dictionary key was expected")
		}
		kend := regular(b, i+1)
		vstart := skipSpace(b, kend)
		vend, err := skipValue(b, vstart)
		if err != nil {
			return nil, err
		}
		d = append(d, entry{string(b[i:kend]), b[vstart:vend], vstart, vend})
		i = vend
	}
}

// get returns the value of key ("/Type"), or nil.
func (d dict) get(key string) []byte {
	for _, e := range d {
		if e.key == key {
			return e.val
		}
	}
	return nil
}

// ref reads an indirect reference "12 0 R" and returns its object number.
func ref(v []byte) (int, bool) {
	f := bytes.Fields(v)
	if len(f) != 3 || string(f[1]) != "0" || string(f[2]) != "R" {
		return 0, false
	}
	n, err := strconv.Atoi(string(f[0]))
	return n, err == nil
}

// addEntry returns the dictionary written in b with key set to val, added
// after its "<<" when it had no such key, its value replaced when it had.
func addEntry(b []byte, key, val string) ([]byte, error) {
	d, err := readDict(b)
	if err != nil {
		return nil, err
	}
	for _, e := range d {
		if e.key == key {
			out := append([]byte{}, b[:e.at]...)
			out = append(out, val...)
			return append(out, b[e.end:]...), nil
		}
	}
	i := bytes.Index(b, []byte("<<")) + 2
	out := append([]byte{}, b[:i]...)
	out = append(out, key+" "+val+"\n"...)
	return append(out, b[i:]...), nil
}

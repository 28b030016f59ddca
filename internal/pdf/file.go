package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// object is one indirect object of a PDF file, as written.
type object struct {
	num    int
	body   []byte // the value; for a stream, its dictionary
	stream []byte // the stream's bytes, as written (encoded); nil when not a stream
}

// file is a PDF as Chromium writes it: a header, the objects, one
// cross-reference table and its trailer.
type file struct {
	objs    []object
	trailer dict
}

// parseFile reads the objects of a PDF written with a classic
// cross-reference table, as Chromium (Skia) writes it, object by object
// from the start. Anything else — object or cross-reference streams, an
// incremental update, objects of a generation other than 0 — is an error:
// the rewrite would not be faithful to it.
func parseFile(b []byte) (*file, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		return nil, fmt.Errorf("not a PDF file (no %%PDF-1. header)")
	}
	f := &file{}
	seen := map[int]bool{}
	i := skipSpace(b, 0) // the header and the binary marker are comments
	for {
		if i >= len(b) {
			return nil, syntaxError(i, "the file ends before its cross-reference table")
		}
		if bytes.HasPrefix(b[i:], []byte("xref")) {
			return f, f.readTrailer(b, i)
		}
		o, end, err := readObject(b, i)
		if err != nil {
			return nil, err
		}
		if seen[o.num] {
			return nil, syntaxError(i, "object %d is defined twice (an incremental update?)", o.num)
		}
		seen[o.num] = true
		f.objs = append(f.objs, o)
		i = skipSpace(b, end)
	}
}

// readObject reads "n 0 obj … endobj" at i.
func readObject(b []byte, i int) (object, int, error) {
	var o object
	head := i
	fields := make([][]byte, 3)
	for k := range fields {
		i = skipSpace(b, i)
		end := regular(b, i)
		fields[k] = b[i:end]
		i = end
	}
	num, err := strconv.Atoi(string(fields[0]))
	if err != nil || !isInt(fields[0]) || string(fields[2]) != "obj" {
		return o, head, syntaxError(head, "an object (n 0 obj) was expected")
	}
	if string(fields[1]) != "0" {
		return o, head, syntaxError(head, "object %d has generation %s; only 0 is supported", num, fields[1])
	}
	o.num = num
	start := skipSpace(b, i)
	end, err := skipValue(b, start)
	if err != nil {
		return o, head, err
	}
	o.body = b[start:end]
	i = skipSpace(b, end)
	if bytes.HasPrefix(b[i:], []byte("stream")) {
		if o.stream, i, err = readStream(b, i, o); err != nil {
			return o, head, err
		}
		i = skipSpace(b, i)
	}
	if !bytes.HasPrefix(b[i:], []byte("endobj")) {
		return o, head, syntaxError(i, "object %d: endobj was expected", num)
	}
	return o, i + len("endobj"), nil
}

// readStream reads the data of o's stream: the keyword stream at i, an end
// of line, /Length bytes, endstream.
func readStream(b []byte, i int, o object) ([]byte, int, error) {
	d, err := readDict(o.body)
	if err != nil {
		return nil, i, fmt.Errorf("object %d: %w", o.num, err)
	}
	if t := string(d.get("/Type")); t == "/XRef" || t == "/ObjStm" {
		return nil, i, fmt.Errorf("object %d is a %s stream: this PDF is not as Chromium writes it", o.num, t[1:])
	}
	n, err := strconv.Atoi(string(d.get("/Length")))
	if err != nil || n < 0 {
		return nil, i, fmt.Errorf("object %d: the stream's /Length is not a direct length: %q", o.num, d.get("/Length"))
	}
	i += len("stream")
	switch {
	case bytes.HasPrefix(b[i:], []byte("\r\n")):
		i += 2
	case i < len(b) && b[i] == '\n':
		i++
	default:
		return nil, i, syntaxError(i, "object %d: no end of line after stream", o.num)
	}
	if i+n > len(b) {
		return nil, i, syntaxError(i, "object %d: the stream runs past the end of the file", o.num)
	}
	data := b[i : i+n]
	j := skipSpace(b, i+n)
	if !bytes.HasPrefix(b[j:], []byte("endstream")) {
		return nil, i, syntaxError(j, "object %d: endstream was expected after /Length %d bytes", o.num, n)
	}
	return data, j + len("endstream"), nil
}

// readTrailer reads the trailer dictionary after the cross-reference table
// at i, and checks that nothing but startxref follows it.
func (f *file) readTrailer(b []byte, i int) error {
	t := bytes.Index(b[i:], []byte("trailer"))
	if t < 0 {
		return syntaxError(i, "no trailer")
	}
	start := skipSpace(b, i+t+len("trailer"))
	end, err := skipValue(b, start)
	if err != nil {
		return err
	}
	if f.trailer, err = readDict(b[start:end]); err != nil {
		return err
	}
	if f.trailer.get("/Prev") != nil || f.trailer.get("/Encrypt") != nil {
		return fmt.Errorf("the PDF is updated incrementally or encrypted: not as Chromium writes it")
	}
	if rest := skipSpace(b, end); !bytes.HasPrefix(b[rest:], []byte("startxref")) {
		return syntaxError(rest, "startxref was expected after the trailer")
	}
	return nil
}

// object returns the object numbered num, or nil.
func (f *file) object(num int) *object {
	for k := range f.objs {
		if f.objs[k].num == num {
			return &f.objs[k]
		}
	}
	return nil
}

// lookup follows the reference in key of object num's dictionary.
func (f *file) lookup(num int, key string) (*object, error) {
	o := f.object(num)
	if o == nil {
		return nil, fmt.Errorf("object %d is missing", num)
	}
	d, err := readDict(o.body)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	n, ok := ref(d.get(key))
	if !ok {
		return nil, nil
	}
	to := f.object(n)
	if to == nil {
		return nil, fmt.Errorf("object %d's %s names the missing object %d", num, key, n)
	}
	return to, nil
}

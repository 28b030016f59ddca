package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"time"
	"unicode/utf16"
)

// Info is what a PDF says about its document: its Info dictionary and the
// catalog's /Lang.
type Info struct {
	Title    string    // the report's title
	Author   string    // the publishing office (发布机构)
	Subject  string    // its subject category (主题分类)
	Keywords string    // comma-separated
	Creator  string    // the program that made the document printed: govreport
	Lang     string    // BCP 47, zh-CN; only set when Chromium left it out
	Created  time.Time // the report's own date; zero: no CreationDate
	Modified time.Time // its publication date; zero: no ModDate
}

// roleMap maps the PDF 2.0 structure types Chromium tags with to their PDF
// 1.7 equivalents (ISO 32000-1 §14.8.4): a PDF 1.x reader, such as
// poppler, otherwise drops the text inside them from the structure tree.
var roleMap = []struct{ from, to string }{
	{"/Strong", "/Span"},
	{"/Em", "/Span"},
	{"/Sub", "/Span"},
	{"/Title", "/P"},
	{"/Aside", "/Div"},
	{"/DocumentFragment", "/Div"},
	{"/FENote", "/Note"},
}

// Finish rewrites a PDF as Chromium prints it into the file govreport
// publishes: its Info dictionary is info (title, author, subject, the
// report's dates instead of the clock's); its structure tree role-maps the
// PDF 2.0 types; its objects other than streams go into one compressed
// object stream, indexed by a cross-reference stream (PDF 1.5), which
// makes the file smaller; its /ID is a digest of its content. Each
// embedded TrueType font that Chromium left whole, or subset less than it
// could, is subset to the glyphs the pages show (subsetFonts); the other
// streams are copied as they are. The same input gives the same bytes.
func Finish(raw []byte, info Info) ([]byte, error) { return finish(raw, info, true) }

// finish is Finish, with the fonts subset or as Chromium embedded them.
func finish(raw []byte, info Info, subset bool) ([]byte, error) {
	f, err := parseFile(raw)
	if err != nil {
		return nil, err
	}
	root, ok := ref(f.trailer.get("/Root"))
	if !ok || f.object(root) == nil {
		return nil, fmt.Errorf("the trailer names no document catalog")
	}
	if err := f.editCatalog(root, info.Lang); err != nil {
		return nil, err
	}
	if subset {
		if err := f.subsetFonts(); err != nil {
			return nil, fmt.Errorf("subsetting the fonts: %w", err)
		}
	}
	infoNum, ok := ref(f.trailer.get("/Info"))
	if !ok {
		infoNum = f.maxNum() + 1
	}
	producer := f.producer(infoNum)
	f.setObject(infoNum, info.dict(producer))
	return f.write(root, infoNum)
}

// editCatalog adds the catalog's /Lang when it has none, and the role map
// to its structure tree.
func (f *file) editCatalog(root int, lang string) error {
	cat := f.object(root)
	d, err := readDict(cat.body)
	if err != nil {
		return fmt.Errorf("the catalog: %w", err)
	}
	if d.get("/Lang") == nil && lang != "" {
		if cat.body, err = addEntry(cat.body, "/Lang", textString(lang)); err != nil {
			return err
		}
	}
	tree, err := f.lookup(root, "/StructTreeRoot")
	if err != nil || tree == nil {
		return err // untagged: nothing to map
	}
	var m bytes.Buffer
	for _, r := range roleMap {
		if f.usesType(r.from) {
			fmt.Fprintf(&m, "%s %s ", r.from, r.to)
		}
	}
	if m.Len() == 0 {
		return nil
	}
	tree.body, err = addEntry(tree.body, "/RoleMap", "<<"+string(bytes.TrimSpace(m.Bytes()))+">>")
	return err
}

// usesType reports whether a structure element of type s ("/Strong") is in
// the file.
func (f *file) usesType(s string) bool {
	for _, o := range f.objs {
		if o.stream != nil || !bytes.Contains(o.body, []byte("/StructElem")) {
			continue
		}
		if d, err := readDict(o.body); err == nil && string(d.get("/Type")) == "/StructElem" && string(d.get("/S")) == s {
			return true
		}
	}
	return false
}

// producer returns the /Producer that Chromium wrote (Skia/PDF m156), as
// written, or nil.
func (f *file) producer(infoNum int) []byte {
	if o := f.object(infoNum); o != nil {
		if d, err := readDict(o.body); err == nil {
			return d.get("/Producer")
		}
	}
	return nil
}

func (f *file) maxNum() int {
	n := 0
	for _, o := range f.objs {
		n = max(n, o.num)
	}
	return n
}

// setObject replaces object num's value, or adds the object.
func (f *file) setObject(num int, body []byte) {
	if o := f.object(num); o != nil {
		o.body, o.stream = body, nil
		return
	}
	f.objs = append(f.objs, object{num: num, body: body})
}

// dict writes the Info dictionary; producer is kept as Chromium wrote it.
func (info Info) dict(producer []byte) []byte {
	var b bytes.Buffer
	b.WriteString("<<")
	for _, e := range []struct{ key, val string }{
		{"/Title", info.Title}, {"/Author", info.Author}, {"/Subject", info.Subject},
		{"/Keywords", info.Keywords}, {"/Creator", info.Creator},
	} {
		if e.val != "" {
			fmt.Fprintf(&b, "%s %s\n", e.key, textString(e.val))
		}
	}
	if producer != nil {
		fmt.Fprintf(&b, "/Producer %s\n", producer)
	}
	if !info.Created.IsZero() {
		fmt.Fprintf(&b, "/CreationDate %s\n", dateString(info.Created))
	}
	if !info.Modified.IsZero() {
		fmt.Fprintf(&b, "/ModDate %s\n", dateString(info.Modified))
	}
	b.Truncate(len(bytes.TrimRight(b.Bytes(), "\n")))
	b.WriteString(">>")
	return b.Bytes()
}

// textString writes s as a PDF text string (§7.9.2.2): a literal string
// when it is printable ASCII, else UTF-16BE with a byte order mark, in hex.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		var b bytes.Buffer
		b.WriteByte('(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		b.WriteByte(')')
		return b.String()
	}
	u := utf16.Encode([]rune(s))
	raw := make([]byte, 2, 2+2*len(u))
	raw[0], raw[1] = 0xfe, 0xff
	for _, c := range u {
		raw = append(raw, byte(c>>8), byte(c))
	}
	return "<" + hex.EncodeToString(raw) + ">"
}

// dateString writes t as a PDF date (§7.9.4): (D:20240127000000+08'00').
func dateString(t time.Time) string {
	_, off := t.Zone()
	zone := "Z"
	if off != 0 {
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		zone = fmt.Sprintf("%c%02d'%02d'", sign, off/3600, off%3600/60)
	}
	return "(D:" + t.Format("20060102150405") + zone + ")"
}

// write lays the file out anew: the streams as they were, the Info
// dictionary, one object stream with every other object, and a
// cross-reference stream.
func (f *file) write(root, infoNum int) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	type loc struct{ typ, a, b int } // xref entry: 1 offset, 2 stream+index
	locs := map[int]loc{}
	var packed []object
	for _, o := range f.objs {
		switch {
		case o.stream != nil:
			locs[o.num] = loc{1, out.Len(), 0}
			fmt.Fprintf(&out, "%d 0 obj\n%s\nstream\n", o.num, o.body)
			out.Write(o.stream)
			out.WriteString("\nendstream\nendobj\n")
		case o.num == infoNum:
			locs[o.num] = loc{1, out.Len(), 0}
			fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", o.num, o.body)
		default:
			packed = append(packed, o)
		}
	}
	stm := f.maxNum() + 1
	for k, o := range packed {
		locs[o.num] = loc{2, stm, k}
	}
	locs[stm] = loc{1, out.Len(), 0}
	if err := writeObjStm(&out, stm, packed); err != nil {
		return nil, err
	}
	xref := stm + 1
	locs[xref] = loc{1, out.Len(), 0}
	id := md5.Sum(out.Bytes())
	rows := make([][3]int, xref+1)
	rows[0] = [3]int{0, 0, 0xffff}
	for n := 1; n <= xref; n++ {
		if l, ok := locs[n]; ok {
			rows[n] = [3]int{l.typ, l.a, l.b}
		}
	}
	trailer := fmt.Sprintf("/Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]", root, infoNum, id, id)
	start := out.Len()
	if err := writeXRefStm(&out, xref, rows, trailer); err != nil {
		return nil, err
	}
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// writeObjStm writes object num, an object stream (§7.5.7) holding objs.
func writeObjStm(out *bytes.Buffer, num int, objs []object) error {
	var head, body bytes.Buffer
	for _, o := range objs {
		fmt.Fprintf(&head, "%d %d ", o.num, body.Len())
		body.Write(o.body)
		body.WriteByte('\n')
	}
	data, err := deflate(append(head.Bytes(), body.Bytes()...))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n",
		num, len(objs), head.Len(), len(data))
	out.Write(data)
	out.WriteString("\nendstream\nendobj\n")
	return nil
}

// writeXRefStm writes object num, the cross-reference stream (§7.5.8):
// rows of (type, field 2, field 3), each field as wide as its largest
// value needs, with the PNG Up predictor, and the trailer's entries.
func writeXRefStm(out *bytes.Buffer, num int, rows [][3]int, trailer string) error {
	w := [3]int{1, 1, 1}
	for _, r := range rows {
		for k := range w {
			w[k] = max(w[k], byteWidth(r[k]))
		}
	}
	cols := w[0] + w[1] + w[2]
	raw := make([]byte, 0, len(rows)*(cols+1))
	prev := make([]byte, cols)
	for _, r := range rows {
		row := make([]byte, 0, cols)
		for k := range w {
			for s := w[k] - 1; s >= 0; s-- {
				row = append(row, byte(r[k]>>(8*s)))
			}
		}
		raw = append(raw, 2) // PNG filter Up
		for k := range row {
			raw = append(raw, row[k]-prev[k])
		}
		prev = row
	}
	data, err := deflate(raw)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d 0 obj\n<</Type /XRef /Size %d /W [%d %d %d] %s\n/Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns %d>> /Length %d>>\nstream\n",
		num, len(rows), w[0], w[1], w[2], trailer, cols, len(data))
	out.Write(data)
	out.WriteString("\nendstream\nendobj\n")
	return nil
}

// byteWidth is how many bytes hold v.
func byteWidth(v int) int {
	n := 1
	for v > 0xff {
		v >>= 8
		n++
	}
	return n
}

// deflate compresses data with zlib (FlateDecode), at the best level.
func deflate(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := zlib.NewWriterLevel(&b, zlib.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

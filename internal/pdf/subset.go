package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Chromium embeds each TrueType font as a CIDFontType2 font (Identity-H,
// CIDToGIDMap /Identity: a glyph code is a glyph ID) and has HarfBuzz subset
// it. Debian 12's HarfBuzz (6.0.0, which its Chromium links) fails that
// subset as soon as the glyphs kept make the GDEF table overflow, past
// about 900 glyphs for the AR PL and WenQuanYi faces, and Skia then embeds
// the whole font file: 21 MB for uming.ttc. subsetFonts subsets such fonts
// again, from the glyphs the document shows.

// fontUse is one embedded TrueType font program (a FontFile2 stream) and
// the glyphs shown with it.
type fontUse struct {
	stream int          // the FontFile2 stream's object number
	name   string       // its FontDescriptor's /FontName, without the subset tag
	glyphs map[int]bool // glyph IDs shown
	ok     bool         // every font using the stream is a CIDFontType2 with identity maps
}

// subsetFonts rewrites each embedded TrueType font of a CIDFontType2 font
// with Identity maps into a subset of the glyphs the pages show, keeping
// their glyph IDs: the content streams, the widths and the ToUnicode maps
// stay as they are. A font is rewritten only when the subset is smaller.
func (f *file) subsetFonts() error {
	uses, byFont, err := f.fontPrograms()
	if err != nil || len(uses) == 0 {
		return err
	}
	if err := f.collectGlyphs(byFont); err != nil {
		return err
	}
	for _, u := range uses {
		if !u.ok {
			continue
		}
		if err := f.subsetFont(u); err != nil {
			return fmt.Errorf("font %s (object %d): %w", u.name, u.stream, err)
		}
	}
	return nil
}

// fontPrograms finds the FontFile2 streams, and for each Type0 font (by
// object number) the one its descendant embeds, when it may be subset.
func (f *file) fontPrograms() (map[int]*fontUse, map[int]*fontUse, error) {
	uses := map[int]*fontUse{}
	byFont := map[int]*fontUse{}
	for _, o := range f.objs {
		if o.stream != nil || !bytes.Contains(o.body, []byte("/Type0")) {
			continue
		}
		d, err := readDict(o.body)
		if err != nil || string(d.get("/Subtype")) != "/Type0" {
			continue
		}
		cid, desc, stream, err := f.descendant(d)
		if err != nil {
			return nil, nil, fmt.Errorf("font object %d: %w", o.num, err)
		}
		if stream == 0 {
			continue // not an embedded TrueType font
		}
		u := uses[stream]
		if u == nil {
			u = &fontUse{stream: stream, glyphs: map[int]bool{}, ok: true}
			if name := desc.get("/FontName"); len(name) > 1 {
				u.name = string(name[1:])
				if len(u.name) > 7 && u.name[6] == '+' {
					u.name = u.name[7:]
				}
			}
			uses[stream] = u
		}
		enc := string(d.get("/Encoding"))
		gidMap := cid.get("/CIDToGIDMap")
		if string(cid.get("/Subtype")) != "/CIDFontType2" || (enc != "/Identity-H" && enc != "/Identity-V") ||
			(gidMap != nil && string(gidMap) != "/Identity") {
			u.ok = false // codes are not glyph IDs: leave the font as it is
			continue
		}
		byFont[o.num] = u
		if err := f.addToUnicode(d, u); err != nil {
			return nil, nil, fmt.Errorf("font object %d: %w", o.num, err)
		}
	}
	f.excludeShared(uses)
	return uses, byFont, nil
}

// excludeShared marks the font programs that a font other than a Type0
// one's descendant also uses (a simple TrueType font, whose codes are not
// glyph IDs): they are left as they are.
func (f *file) excludeShared(uses map[int]*fontUse) {
	for _, o := range f.objs {
		if o.stream != nil || !bytes.Contains(o.body, []byte("/FontDescriptor")) {
			continue
		}
		d, err := readDict(o.body)
		if err != nil || string(d.get("/Type")) != "/Font" || string(d.get("/Subtype")) == "/CIDFontType2" {
			continue
		}
		desc, err := readDict(f.resolve(d.get("/FontDescriptor")))
		if err != nil {
			continue
		}
		for _, key := range []string{"/FontFile", "/FontFile2", "/FontFile3"} {
			if n, ok := ref(desc.get(key)); ok && uses[n] != nil {
				uses[n].ok = false
			}
		}
	}
}

// descendant reads a Type0 font's CIDFont and FontDescriptor, and the
// number of its FontFile2 stream (0 when it embeds none).
func (f *file) descendant(t0 dict) (cid, desc dict, stream int, err error) {
	arr := bytes.TrimSpace(f.resolve(t0.get("/DescendantFonts")))
	if len(arr) < 2 || arr[0] != '[' {
		return nil, nil, 0, fmt.Errorf("no /DescendantFonts array")
	}
	if cid, err = readDict(f.resolve(bytes.TrimSpace(arr[1 : len(arr)-1]))); err != nil {
		return nil, nil, 0, fmt.Errorf("its CIDFont: %w", err)
	}
	descBody := f.resolve(cid.get("/FontDescriptor"))
	if descBody == nil {
		return cid, nil, 0, nil
	}
	if desc, err = readDict(descBody); err != nil {
		return nil, nil, 0, fmt.Errorf("its FontDescriptor: %w", err)
	}
	stream, _ = ref(desc.get("/FontFile2"))
	if o := f.object(stream); o == nil || o.stream == nil {
		stream = 0
	}
	return cid, desc, stream, nil
}

// resolve returns the value an indirect reference names (nil when the
// object is missing), or the value itself.
func (f *file) resolve(v []byte) []byte {
	if n, ok := ref(v); ok {
		if o := f.object(n); o != nil {
			return o.body
		}
		return nil
	}
	return v
}

// addToUnicode adds the glyphs a Type0 font's ToUnicode CMap maps: Skia
// writes one entry for each glyph it drew, so a glyph shown from a place
// the content walk does not reach is still kept.
func (f *file) addToUnicode(t0 dict, u *fontUse) error {
	n, ok := ref(t0.get("/ToUnicode"))
	if !ok {
		return nil
	}
	data, err := f.decoded(n)
	if err != nil {
		return fmt.Errorf("its ToUnicode CMap: %w", err)
	}
	var ops []contentOp
	if ops, err = readContent(data); err != nil {
		return fmt.Errorf("its ToUnicode CMap: %w", err)
	}
	for _, op := range ops {
		switch op.name {
		case "endbfchar", "endcidchar":
			for k := 0; k+1 < len(op.args); k += 2 {
				addCodes(u.glyphs, op.args[k], false)
			}
		case "endbfrange", "endcidrange":
			for k := 0; k+2 < len(op.args); k += 3 {
				lo, hi := code(op.args[k]), code(op.args[k+1])
				for c := lo; c <= hi && c >= 0 && hi-lo < 1<<16; c++ {
					u.glyphs[c] = true
				}
			}
		}
	}
	return nil
}

// code reads a CMap's source code, a hex string of two bytes; -1 if it is
// not one.
func code(v []byte) int {
	s, err := stringBytes(v)
	if err != nil || len(s) != 2 {
		return -1
	}
	return int(s[0])<<8 | int(s[1])
}

// decoded returns the data of stream object n, inflated when it is
// FlateDecode-compressed.
func (f *file) decoded(n int) ([]byte, error) {
	o := f.object(n)
	if o == nil || o.stream == nil {
		return nil, fmt.Errorf("object %d is not a stream", n)
	}
	d, err := readDict(o.body)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	switch filter := string(bytes.TrimSpace(d.get("/Filter"))); filter {
	case "":
		return o.stream, nil
	case "/FlateDecode", "[/FlateDecode]":
		if d.get("/DecodeParms") != nil {
			return nil, fmt.Errorf("object %d: a FlateDecode stream with a predictor", n)
		}
		r, err := zlib.NewReader(bytes.NewReader(o.stream))
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		return data, nil
	default:
		return nil, fmt.Errorf("object %d: the filter %s is not supported", n, filter)
	}
}

// collectGlyphs walks the pages' content streams and the form XObjects
// they draw, and adds each glyph shown with a Type0 font of byFont to its
// font program's glyphs.
func (f *file) collectGlyphs(byFont map[int]*fontUse) error {
	root, _ := ref(f.trailer.get("/Root"))
	pages, err := f.lookup(root, "/Pages")
	if err != nil || pages == nil {
		return fmt.Errorf("the catalog has no page tree")
	}
	w := &walker{f: f, byFont: byFont, seen: map[int]bool{}}
	return w.pageTree(pages.num, nil, 0)
}

// walker walks the page tree and what it draws.
type walker struct {
	f      *file
	byFont map[int]*fontUse
	seen   map[int]bool // page tree nodes and forms already read
}

// pageTree reads node num of the page tree, with the resources its
// ancestors pass down.
func (w *walker) pageTree(num int, inherited []byte, depth int) error {
	if depth > 64 || w.seen[num] {
		return fmt.Errorf("the page tree loops at object %d", num)
	}
	w.seen[num] = true
	o := w.f.object(num)
	if o == nil {
		return fmt.Errorf("page tree node %d is missing", num)
	}
	d, err := readDict(o.body)
	if err != nil {
		return fmt.Errorf("page tree node %d: %w", num, err)
	}
	res := inherited
	if r := d.get("/Resources"); r != nil {
		res = w.f.resolve(r)
	}
	if string(d.get("/Type")) == "/Page" {
		for _, c := range w.refs(d.get("/Contents")) {
			data, err := w.f.decoded(c)
			if err != nil {
				return fmt.Errorf("page %d's content: %w", num, err)
			}
			if err := w.content(data, res, nil, 0); err != nil {
				return fmt.Errorf("page %d's content (object %d): %w", num, c, err)
			}
		}
		return nil
	}
	for _, kid := range w.refs(d.get("/Kids")) {
		if err := w.pageTree(kid, res, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// refs reads a reference, or an array of them (directly or by reference).
func (w *walker) refs(v []byte) []int {
	if n, ok := ref(v); ok {
		if o := w.f.object(n); o != nil && o.stream == nil {
			v = o.body // an array held in an object
		} else {
			return []int{n}
		}
	}
	v = bytes.TrimSpace(v)
	if len(v) < 2 || v[0] != '[' {
		return nil
	}
	var out []int
	for i := 1; ; {
		i = skipSpace(v, i)
		if i >= len(v)-1 {
			return out
		}
		end, err := skipValue(v, i)
		if err != nil {
			return out
		}
		if n, ok := ref(v[i:end]); ok {
			out = append(out, n)
		}
		i = end
	}
}

// content reads a content stream drawn with the resources res, starting
// with font (the graphics state's font when a form is drawn; nil for a
// page).
func (w *walker) content(data, res []byte, font *fontUse, depth int) error {
	ops, err := readContent(data)
	if err != nil {
		return err
	}
	var stack []*fontUse // q … Q saves and restores the font
	for _, op := range ops {
		switch op.name {
		case "q":
			stack = append(stack, font)
		case "Q":
			if n := len(stack); n > 0 {
				font, stack = stack[n-1], stack[:n-1]
			}
		case "Tf":
			if len(op.args) == 2 {
				font = w.byFont[w.resource(res, "/Font", op.args[0])]
			}
		case "Tj", "'":
			if len(op.args) == 1 {
				err = w.show(font, op.args[0])
			}
		case `"`:
			if len(op.args) == 3 {
				err = w.show(font, op.args[2])
			}
		case "TJ":
			if len(op.args) == 1 {
				err = w.showArray(font, op.args[0])
			}
		case "Do":
			if len(op.args) == 1 {
				err = w.form(w.resource(res, "/XObject", op.args[0]), res, font, depth)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// resource returns the object number that name has in the category (/Font,
// /XObject) of the resource dictionary res; 0 when it has none.
func (w *walker) resource(res []byte, category string, name []byte) int {
	d, err := readDict(res)
	if err != nil {
		return 0
	}
	cat, err := readDict(w.f.resolve(d.get(category)))
	if err != nil {
		return 0
	}
	n, _ := ref(cat.get(string(name)))
	return n
}

// show adds the glyphs of a string shown with font.
func (w *walker) show(font *fontUse, s []byte) error {
	if font == nil {
		return nil
	}
	return addCodes(font.glyphs, s, true)
}

// showArray adds the glyphs of a TJ array's strings.
func (w *walker) showArray(font *fontUse, arr []byte) error {
	if font == nil || len(arr) < 2 || arr[0] != '[' {
		return nil
	}
	for i := 1; ; {
		i = skipSpace(arr, i)
		if i >= len(arr)-1 {
			return nil
		}
		end, err := skipValue(arr, i)
		if err != nil {
			return err
		}
		if arr[i] == '(' || arr[i] == '<' {
			if err := addCodes(font.glyphs, arr[i:end], true); err != nil {
				return err
			}
		}
		i = end
	}
}

// form reads the form XObject num, drawn with the caller's resources and
// font; an image or a missing XObject is skipped.
func (w *walker) form(num int, callerRes []byte, font *fontUse, depth int) error {
	o := w.f.object(num)
	if o == nil || o.stream == nil || depth > 32 {
		return nil
	}
	d, err := readDict(o.body)
	if err != nil || string(d.get("/Subtype")) != "/Form" {
		return err
	}
	data, err := w.f.decoded(num)
	if err != nil {
		return err
	}
	res := callerRes
	if r := d.get("/Resources"); r != nil {
		res = w.f.resolve(r)
	}
	if err := w.content(data, res, font, depth+1); err != nil {
		return fmt.Errorf("form object %d: %w", num, err)
	}
	return nil
}

// addCodes adds the two-byte codes of a string (Identity-H: code = CID =
// glyph ID) to glyphs; a string of an odd length is an error when strict.
func addCodes(glyphs map[int]bool, s []byte, strict bool) error {
	b, err := stringBytes(s)
	if err != nil {
		return err
	}
	if len(b)%2 != 0 && strict {
		return fmt.Errorf("a string of %d bytes shown with a two-byte font", len(b))
	}
	for k := 0; k+1 < len(b); k += 2 {
		glyphs[int(b[k])<<8|int(b[k+1])] = true
	}
	return nil
}

// stringBytes decodes a literal (…) or hex <…> string.
func stringBytes(s []byte) ([]byte, error) {
	if len(s) < 2 {
		return nil, errors.New("not a string")
	}
	switch s[0] {
	case '<':
		var out []byte
		var hi, n int
		for _, c := range s[1 : len(s)-1] {
			var v int
			switch {
			case c >= '0' && c <= '9':
				v = int(c - '0')
			case c >= 'a' && c <= 'f':
				v = int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v = int(c-'A') + 10
			case isSpace(c):
				continue
			default:
				return nil, fmt.Errorf("%q in a hex string", c)
			}
			if n%2 == 0 {
				hi = v
			} else {
				out = append(out, byte(hi<<4|v))
			}
			n++
		}
		if n%2 == 1 {
			out = append(out, byte(hi<<4))
		}
		return out, nil
	case '(':
		return literal(s[1 : len(s)-1]), nil
	}
	return nil, errors.New("not a string")
}

// literal decodes the inside of a literal string (§7.3.4.2).
func literal(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' { // an end of line in a string is a line feed
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			out = append(out, '\n')
			continue
		}
		if c != '\\' || i+1 >= len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r': // a line continuation
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v, k := 0, 0
				for ; k < 3 && i+k < len(s) && s[i+k] >= '0' && s[i+k] <= '7'; k++ {
					v = v*8 + int(s[i+k]-'0')
				}
				i += k - 1
				out = append(out, byte(v))
			} else {
				out = append(out, c) // \( \) \\ and an unknown escape: the character
			}
		}
	}
	return out
}

// contentOp is one operator of a content stream with its operands, as
// written.
type contentOp struct {
	name string
	args [][]byte
}

// readContent splits a content stream (or a CMap) into its operators; an
// inline image's data is skipped.
func readContent(b []byte) ([]contentOp, error) {
	var ops []contentOp
	var args [][]byte
	for i := skipSpace(b, 0); i < len(b); i = skipSpace(b, i) {
		if c := b[i]; c == '{' || c == '}' { // PostScript procedures in a CMap
			i++
			continue
		}
		if isDelim(b[i]) { // a string, a name, an array or a dictionary
			end, err := skipValue(b, i)
			if err != nil {
				return nil, err
			}
			args = append(args, b[i:end])
			i = end
			continue
		}
		end := regular(b, i)
		word := string(b[i:end])
		i = end
		if isNumber(word) || word == "true" || word == "false" || word == "null" {
			args = append(args, []byte(word))
			continue
		}
		switch word {
		case "ID": // inline image data, up to EI
			j := inlineImageEnd(b, i)
			if j < 0 {
				return nil, syntaxError(i, "an inline image has no EI")
			}
			i = j
		}
		ops = append(ops, contentOp{word, args})
		args = nil
	}
	return ops, nil
}

// isNumber reports whether a token is a number: digits, a sign, a point.
func isNumber(s string) bool {
	digits := false
	for k, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.', (c == '+' || c == '-') && k == 0:
		default:
			return false
		}
	}
	return digits
}

// inlineImageEnd returns the end of the EI that closes the inline image
// data starting at i (after ID), or -1.
func inlineImageEnd(b []byte, i int) int {
	for j := i; ; j++ {
		k := bytes.Index(b[j:], []byte("EI"))
		if k < 0 {
			return -1
		}
		j += k
		before := j == 0 || isSpace(b[j-1])
		after := j+2 == len(b) || isSpace(b[j+2]) || isDelim(b[j+2])
		if before && after {
			return j + 2
		}
	}
}

// subsetFont rewrites u's font program as the subset of its glyphs, when
// that is smaller.
func (f *file) subsetFont(u *fontUse) error {
	data, err := f.decoded(u.stream)
	if err != nil {
		return err
	}
	face, err := readSFNT(data, u.name)
	if errors.Is(err, errNotTrueType) {
		return nil // an OpenType CFF program, say: left as it is
	}
	if err != nil {
		return err
	}
	sub, err := subsetSFNT(face, u.glyphs)
	if err != nil {
		return err
	}
	packed, err := deflate(sub)
	if err != nil {
		return err
	}
	o := f.object(u.stream)
	if len(packed) >= len(o.stream) {
		return nil
	}
	body := []byte("<</Filter /FlateDecode /Length " + strconv.Itoa(len(packed)) +
		" /Length1 " + strconv.Itoa(len(sub)) + ">>")
	if d, err := readDict(o.body); err == nil {
		for _, e := range d { // keep any other entry (/Subtype, /Metadata …)
			if !slices.Contains([]string{"/Filter", "/DecodeParms", "/Length", "/Length1"}, e.key) {
				if body, err = addEntry(body, e.key, string(e.val)); err != nil {
					return err
				}
			}
		}
	}
	o.body, o.stream = body, packed
	return nil
}

package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf16"
)

// A TrueType subsetter (OpenType spec, "The OpenType font file"): it reads
// one face of a TrueType font or collection and writes a font with only the
// glyphs asked for, keeping every glyph's ID, so that a PDF's glyph codes and
// its CIDFont's widths stay valid. It keeps the tables a PDF viewer draws
// with (ISO 32000-1 §9.9: head, hhea, hmtx, maxp, loca, glyf, cvt, fpgm,
// prep) and, for viewers that want them, OS/2, a short name table, post
// without glyph names and a cmap of the kept glyphs' characters; it drops
// the layout tables (GSUB, GPOS, GDEF, …), the embedded bitmaps, vertical
// metrics and the rest: a PDF places its glyphs itself.

// sfnt is one face of a TrueType font: its tables by tag, as stored.
type sfnt map[string][]byte

// errNotTrueType is returned for a font program that is not TrueType
// outlines (a CFF OpenType font, a Type 1 font, …).
var errNotTrueType = errors.New("not a TrueType font")

// readSFNT reads the face of a TrueType font file or collection (.ttc)
// whose PostScript name (name ID 6) is psName; the first face when none has
// it, as a PDF viewer reads a collection.
func readSFNT(data []byte, psName string) (sfnt, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w: %d bytes", errNotTrueType, len(data))
	}
	if string(data[:4]) != "ttcf" {
		return readFace(data, 0)
	}
	n := int(u32(data, 8))
	if n == 0 || 12+4*n > len(data) {
		return nil, fmt.Errorf("a font collection of %d faces in %d bytes", n, len(data))
	}
	var first sfnt
	for k := range n {
		face, err := readFace(data, int(u32(data, 12+4*k)))
		if err != nil {
			return nil, fmt.Errorf("face %d of the collection: %w", k, err)
		}
		if k == 0 {
			first = face
		}
		if psName != "" && face.postScriptName() == psName {
			return face, nil
		}
	}
	return first, nil
}

// readFace reads the table directory at off.
func readFace(data []byte, off int) (sfnt, error) {
	if off < 0 || off+12 > len(data) {
		return nil, fmt.Errorf("the table directory at %d is outside the font's %d bytes", off, len(data))
	}
	switch v := u32(data, off); v {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	default:
		return nil, fmt.Errorf("%w: version %08x", errNotTrueType, v)
	}
	n := int(u16(data, off+4))
	if off+12+16*n > len(data) {
		return nil, fmt.Errorf("the table directory runs past the font's end")
	}
	f := sfnt{}
	for k := range n {
		rec := off + 12 + 16*k
		tag := string(data[rec : rec+4])
		start, length := int(u32(data, rec+8)), int(u32(data, rec+12))
		if start < 0 || length < 0 || start+length > len(data) || start+length < start {
			return nil, fmt.Errorf("table %q lies outside the font", tag)
		}
		f[tag] = data[start : start+length]
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if f[tag] == nil {
			return nil, fmt.Errorf("%w: no %q table", errNotTrueType, tag)
		}
	}
	if len(f["head"]) < 54 || len(f["hhea"]) < 36 || len(f["maxp"]) < 6 {
		return nil, fmt.Errorf("a head, hhea or maxp table too short")
	}
	return f, nil
}

// numGlyphs is maxp's glyph count.
func (f sfnt) numGlyphs() int { return int(u16(f["maxp"], 4)) }

// glyph returns glyph gid's data in glyf (empty for a glyph without
// outline).
func (f sfnt) glyph(gid int) ([]byte, error) {
	loca, glyf := f["loca"], f["glyf"]
	long := u16(f["head"], 50) != 0
	var start, end int
	switch {
	case long && 4*gid+8 <= len(loca):
		start, end = int(u32(loca, 4*gid)), int(u32(loca, 4*gid+4))
	case !long && 2*gid+4 <= len(loca):
		start, end = 2*int(u16(loca, 2*gid)), 2*int(u16(loca, 2*gid+2))
	default:
		return nil, fmt.Errorf("glyph %d is not in the loca table", gid)
	}
	if start > end || end > len(glyf) {
		return nil, fmt.Errorf("glyph %d lies outside the glyf table", gid)
	}
	return glyf[start:end], nil
}

// Composite glyph flags (glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10
)

// components returns the glyph IDs a composite glyph is made of; none for
// a simple glyph.
func components(g []byte) ([]int, error) {
	if len(g) < compositeHeader || int16(u16(g, 0)) >= 0 {
		return nil, nil
	}
	var ids []int
	for i := compositeHeader; ; {
		if i+4 > len(g) {
			return nil, fmt.Errorf("a composite glyph is cut short")
		}
		flags := u16(g, i)
		ids = append(ids, int(u16(g, i+2)))
		i += 4 + 2
		if flags&argsAreWords != 0 {
			i += 2
		}
		switch {
		case flags&haveScale != 0:
			i += 2
		case flags&haveXYScale != 0:
			i += 4
		case flags&haveTwoByTwo != 0:
			i += 8
		}
		if flags&moreComponents == 0 {
			return ids, nil
		}
	}
}

// subsetSFNT writes face f with only the glyphs in keep (glyph IDs), the
// glyphs they are composed of, and glyph 0; every other glyph is left
// empty, and the glyphs after the last one kept are cut off.
func subsetSFNT(f sfnt, keep map[int]bool) ([]byte, error) {
	n := f.numGlyphs()
	want := map[int]bool{0: true}
	todo := []int{0}
	for gid := range keep {
		if gid < n && !want[gid] {
			want[gid] = true
			todo = append(todo, gid)
		}
	}
	for len(todo) > 0 { // the components of composite glyphs, recursively
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		g, err := f.glyph(gid)
		if err != nil {
			return nil, err
		}
		ids, err := components(g)
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
		for _, c := range ids {
			if c < n && !want[c] {
				want[c] = true
				todo = append(todo, c)
			}
		}
	}
	last := 0
	for gid := range want {
		last = max(last, gid)
	}
	count := last + 1 // glyphs after the last kept one are cut off
	glyf, loca, long, err := f.subsetGlyf(want, count)
	if err != nil {
		return nil, err
	}
	out := sfnt{"glyf": glyf, "loca": loca}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "OS/2"} {
		if t := f[tag]; t != nil {
			out[tag] = t
		}
	}
	out["head"] = clone(f["head"])
	put16(out["head"], 50, map[bool]uint16{false: 0, true: 1}[long])
	put32(out["head"], 8, 0) // checkSumAdjustment, set by write
	out["maxp"] = clone(f["maxp"])
	put16(out["maxp"], 4, uint16(count))
	out["hhea"], out["hmtx"] = f.subsetHmtx(want, count)
	if p := f["post"]; len(p) >= 32 {
		out["post"] = clone(p[:32])
		put32(out["post"], 0, 0x00030000) // version 3: no glyph names
	}
	if name := f.shortName(); name != nil {
		out["name"] = name
	}
	if cmap := f.subsetCmap(want); cmap != nil {
		out["cmap"] = cmap
	}
	return out.write(), nil
}

// subsetGlyf writes the glyf and loca tables of count glyphs, those in
// want with their outlines, the others empty; each glyph is padded to four
// bytes. loca is short when the offsets allow it.
func (f sfnt) subsetGlyf(want map[int]bool, count int) (glyf, loca []byte, long bool, err error) {
	offsets := make([]int, count+1)
	var b bytes.Buffer
	for gid := range count {
		offsets[gid] = b.Len()
		if !want[gid] {
			continue
		}
		g, err := f.glyph(gid)
		if err != nil {
			return nil, nil, false, err
		}
		b.Write(g)
		for b.Len()%4 != 0 {
			b.WriteByte(0)
		}
	}
	offsets[count] = b.Len()
	long = b.Len() > 0x1fffe
	for _, o := range offsets {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, uint32(o))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		}
	}
	return b.Bytes(), loca, long, nil
}

// subsetHmtx writes the hhea and hmtx tables of count glyphs: the metrics of
// the glyphs in want, zero for the others (a PDF gives the advances in the
// CIDFont's /W).
func (f sfnt) subsetHmtx(want map[int]bool, count int) (hhea, hmtx []byte) {
	src := f["hmtx"]
	nh := int(u16(f["hhea"], 34))
	metric := func(gid int) (adv, lsb uint16) {
		if gid < nh {
			if 4*gid+4 <= len(src) {
				return u16(src, 4*gid), u16(src, 4*gid+2)
			}
			return 0, 0
		}
		if nh > 0 && 4*nh <= len(src) {
			adv = u16(src, 4*nh-4)
		}
		if i := 4*nh + 2*(gid-nh); i+2 <= len(src) {
			lsb = u16(src, i)
		}
		return adv, lsb
	}
	hmtx = make([]byte, 4*count) // every glyph with a full metric
	for gid := range count {
		if want[gid] {
			adv, lsb := metric(gid)
			put16(hmtx, 4*gid, adv)
			put16(hmtx, 4*gid+2, lsb)
		}
	}
	hhea = clone(f["hhea"])
	put16(hhea, 34, uint16(count))
	return hhea, hmtx
}

// postScriptName is the face's name ID 6, or "".
func (f sfnt) postScriptName() string {
	for _, r := range f.nameRecords() {
		if r.nameID == 6 {
			return r.text()
		}
	}
	return ""
}

// nameRecord is one string of the name table.
type nameRecord struct {
	platform, encoding, language, nameID uint16
	value                                []byte
}

// text decodes a record's string: UTF-16BE on the Unicode and Windows
// platforms, bytes (ASCII, for a PostScript name) on the Macintosh one.
func (r nameRecord) text() string {
	if r.platform == 1 {
		return string(r.value)
	}
	u := make([]uint16, len(r.value)/2)
	for k := range u {
		u[k] = u16(r.value, 2*k)
	}
	return string(utf16.Decode(u))
}

// nameRecords reads the name table's records; none when it is malformed.
func (f sfnt) nameRecords() []nameRecord {
	t := f["name"]
	if len(t) < 6 {
		return nil
	}
	count, storage := int(u16(t, 2)), int(u16(t, 4))
	var recs []nameRecord
	for k := range count {
		at := 6 + 12*k
		if at+12 > len(t) {
			return recs
		}
		length, off := int(u16(t, at+8)), int(u16(t, at+10))
		if storage+off+length > len(t) {
			continue
		}
		recs = append(recs, nameRecord{u16(t, at), u16(t, at+2), u16(t, at+4), u16(t, at+6),
			t[storage+off : storage+off+length]})
	}
	return recs
}

// shortName writes a name table with the names that identify the face
// (IDs 0 to 6: copyright, family, style, unique ID, full name, version,
// PostScript name); the license texts and the rest are left out.
func (f sfnt) shortName() []byte {
	var recs []nameRecord
	for _, r := range f.nameRecords() {
		if r.nameID <= 6 {
			recs = append(recs, r)
		}
	}
	if len(recs) == 0 {
		return nil
	}
	slices.SortStableFunc(recs, func(a, b nameRecord) int { // the order the spec requires
		for _, d := range []int{int(a.platform) - int(b.platform), int(a.encoding) - int(b.encoding),
			int(a.language) - int(b.language), int(a.nameID) - int(b.nameID)} {
			if d != 0 {
				return d
			}
		}
		return 0
	})
	head := make([]byte, 6+12*len(recs))
	put16(head, 2, uint16(len(recs)))
	put16(head, 4, uint16(len(head)))
	var storage []byte
	for k, r := range recs {
		at := 6 + 12*k
		off := bytes.Index(storage, r.value) // a string shared by several records is stored once
		if off < 0 || len(r.value) == 0 {
			off = len(storage)
			storage = append(storage, r.value...)
		}
		for i, v := range []uint16{r.platform, r.encoding, r.language, r.nameID, uint16(len(r.value)), uint16(off)} {
			put16(head, at+2*i, v)
		}
	}
	return append(head, storage...)
}

// cmapEntry maps a character to a glyph.
type cmapEntry struct {
	r   rune
	gid int
}

// unicodeMap reads the face's Unicode character map: the Windows Unicode
// subtable (3,10 format 12, else 3,1 format 4), else a Unicode platform
// one; nil when it has none the reader knows.
func (f sfnt) unicodeMap() []cmapEntry {
	t := f["cmap"]
	if len(t) < 4 {
		return nil
	}
	best, bestRank := -1, 0
	for k := range int(u16(t, 2)) {
		at := 4 + 8*k
		if at+8 > len(t) {
			break
		}
		platform, enc, off := u16(t, at), u16(t, at+2), int(u32(t, at+4))
		if off+2 > len(t) {
			continue
		}
		format := u16(t, off)
		rank := 0
		switch {
		case platform == 3 && enc == 10 && format == 12:
			rank = 4
		case platform == 0 && format == 12:
			rank = 3
		case platform == 3 && enc == 1 && format == 4:
			rank = 2
		case platform == 0 && format == 4:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil
	}
	if u16(t, best) == 12 {
		return cmap12(t[best:])
	}
	return cmap4(t[best:])
}

// cmap4 reads a format 4 subtable.
func cmap4(t []byte) []cmapEntry {
	if len(t) < 14 {
		return nil
	}
	segs := int(u16(t, 6)) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if ranges+2*segs > len(t) {
		return nil
	}
	var out []cmapEntry
	for s := range segs {
		end, start := int(u16(t, ends+2*s)), int(u16(t, starts+2*s))
		delta, ro := u16(t, deltas+2*s), int(u16(t, ranges+2*s))
		for c := start; c <= end && c != 0xffff; c++ {
			gid := 0
			if ro == 0 {
				gid = int(uint16(c) + delta)
			} else if at := ranges + 2*s + ro + 2*(c-start); at+2 <= len(t) {
				if g := u16(t, at); g != 0 {
					gid = int(g + delta)
				}
			}
			if gid != 0 {
				out = append(out, cmapEntry{rune(c), gid})
			}
		}
	}
	return out
}

// cmap12 reads a format 12 subtable.
func cmap12(t []byte) []cmapEntry {
	if len(t) < 16 {
		return nil
	}
	var out []cmapEntry
	for k := range int(u32(t, 12)) {
		at := 16 + 12*k
		if at+12 > len(t) {
			break
		}
		start, end, gid := int(u32(t, at)), int(u32(t, at+4)), int(u32(t, at+8))
		for c := start; c <= end && c <= 0x10ffff; c++ {
			out = append(out, cmapEntry{rune(c), gid + c - start})
		}
	}
	return out
}

// subsetCmap writes a cmap of the characters whose glyphs are in want: a
// Windows Unicode BMP subtable (format 4), and a full-repertoire one
// (format 12) when a character is outside the BMP. nil when the face maps
// none of them.
func (f sfnt) subsetCmap(want map[int]bool) []byte {
	var m []cmapEntry
	for _, e := range f.unicodeMap() {
		if e.gid != 0 && want[e.gid] {
			m = append(m, e)
		}
	}
	if len(m) == 0 {
		return nil
	}
	slices.SortFunc(m, func(a, b cmapEntry) int { return int(a.r) - int(b.r) })
	m = slices.CompactFunc(m, func(a, b cmapEntry) bool { return a.r == b.r })
	sub4 := writeCmap4(m)
	subs := [][]byte{sub4}
	encodings := []uint16{1}
	if m[len(m)-1].r > 0xffff {
		subs, encodings = append(subs, writeCmap12(m)), append(encodings, 10)
	}
	out := make([]byte, 4+8*len(subs))
	put16(out, 2, uint16(len(subs)))
	for k, s := range subs {
		put16(out, 4+8*k, 3)
		put16(out, 4+8*k+2, encodings[k])
		put32(out, 4+8*k+4, uint32(len(out)))
		out = append(out, s...)
	}
	return out
}

// writeCmap4 writes the BMP characters of m (sorted) as a format 4
// subtable: one segment for each run of consecutive characters whose
// glyph IDs are consecutive too.
func writeCmap4(m []cmapEntry) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, e := range m {
		if e.r >= 0xffff {
			break
		}
		d := e.gid - int(e.r)
		if n := len(segs); n > 0 && segs[n-1].end+1 == int(e.r) && segs[n-1].delta == d {
			segs[n-1].end++
			continue
		}
		segs = append(segs, seg{int(e.r), int(e.r), d})
	}
	segs = append(segs, seg{0xffff, 0xffff, 1})
	n := len(segs)
	t := make([]byte, 16+8*n)
	put16(t, 0, 4)
	put16(t, 2, uint16(len(t)))
	put16(t, 6, uint16(2*n))
	p := 1 << (bits.Len(uint(n)) - 1) // the largest power of two ≤ n
	put16(t, 8, uint16(2*p))
	put16(t, 10, uint16(bits.Len(uint(p))-1))
	put16(t, 12, uint16(2*n-2*p))
	for k, s := range segs {
		put16(t, 14+2*k, uint16(s.end))
		put16(t, 16+2*n+2*k, uint16(s.start))
		put16(t, 16+4*n+2*k, uint16(s.delta))
	}
	return t
}

// writeCmap12 writes m (sorted) as a format 12 subtable.
func writeCmap12(m []cmapEntry) []byte {
	type group struct{ start, end, gid int }
	var gs []group
	for _, e := range m {
		if n := len(gs); n > 0 && gs[n-1].end+1 == int(e.r) && gs[n-1].gid+int(e.r)-gs[n-1].start == e.gid {
			gs[n-1].end++
			continue
		}
		gs = append(gs, group{int(e.r), int(e.r), e.gid})
	}
	t := make([]byte, 16+12*len(gs))
	put16(t, 0, 12)
	put32(t, 4, uint32(len(t)))
	put32(t, 12, uint32(len(gs)))
	for k, g := range gs {
		put32(t, 16+12*k, uint32(g.start))
		put32(t, 20+12*k, uint32(g.end))
		put32(t, 24+12*k, uint32(g.gid))
	}
	return t
}

// write lays out the font: the table directory, sorted by tag, and the
// tables, each at a four-byte boundary, with their checksums and head's
// checkSumAdjustment.
func (f sfnt) write() []byte {
	tags := make([]string, 0, len(f))
	for tag := range f {
		tags = append(tags, tag)
	}
	slices.SortFunc(tags, strings.Compare)
	n := len(tags)
	p := 1 << (bits.Len(uint(n)) - 1)
	out := make([]byte, 12+16*n)
	put32(out, 0, 0x00010000)
	put16(out, 4, uint16(n))
	put16(out, 6, uint16(16*p))
	put16(out, 8, uint16(bits.Len(uint(p))-1))
	put16(out, 10, uint16(16*n-16*p))
	headAt := -1
	for k, tag := range tags {
		t := f[tag]
		rec := 12 + 16*k
		copy(out[rec:], tag)
		put32(out, rec+4, checksum(t))
		put32(out, rec+8, uint32(len(out)))
		put32(out, rec+12, uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		put32(out, headAt+8, 0xb1b0afba-checksum(out))
	}
	return out
}

// checksum is the sum of a table's big-endian uint32s, zero-padded.
func checksum(t []byte) uint32 {
	var sum uint32
	for i := 0; i < len(t); i += 4 {
		var w [4]byte
		copy(w[:], t[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func u16(b []byte, i int) uint16 {
	if i < 0 || i+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[i:])
}

func u32(b []byte, i int) uint32 {
	if i < 0 || i+4 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint32(b[i:])
}

func put16(b []byte, i int, v uint16) { binary.BigEndian.PutUint16(b[i:], v) }
func put32(b []byte, i int, v uint32) { binary.BigEndian.PutUint32(b[i:], v) }

func clone(b []byte) []byte { return append([]byte(nil), b...) }

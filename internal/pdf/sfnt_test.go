package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"testing"
)

// The fonts of these tests are made here: glyphs of made-up bytes (the
// subsetter copies a simple glyph as it is, and reads only the component
// list of a composite one), and the tables a TrueType face needs.

// simpleGlyph is a glyph with one contour, its bounding box and size-10
// further bytes of made-up outline data.
func simpleGlyph(seed byte, size int) []byte {
	g := make([]byte, size)
	put16(g, 0, 1)
	for i := 10; i < size; i++ {
		g[i] = seed + byte(i)
	}
	return g
}

// compositeGlyph is a glyph made of other glyphs: the first component with
// word arguments and a scale, the others with byte arguments.
func compositeGlyph(ids ...int) []byte {
	g := make([]byte, 10)
	put16(g, 0, 0xffff) // numberOfContours -1
	for k, id := range ids {
		flags := uint16(0)
		if k < len(ids)-1 {
			flags |= moreComponents
		}
		var args []byte
		if k == 0 {
			flags |= argsAreWords | haveScale
			args = []byte{0, 10, 0, 20, 0x40, 0} // dx, dy, scale 1.0
		} else {
			args = []byte{5, 6}
		}
		g = binary.BigEndian.AppendUint16(g, flags)
		g = binary.BigEndian.AppendUint16(g, uint16(id))
		g = append(g, args...)
	}
	return g
}

// testFace builds a face named name with the glyphs, the character map
// cmap (rune → glyph ID) and hmtx metrics in which only the first half of
// the glyphs have an advance of their own. It has a GSUB table, a license
// text in its name table and glyph names in post: what a subset leaves out.
func testFace(name string, glyphs [][]byte, cmap []cmapEntry) sfnt {
	n := len(glyphs)
	var glyf, loca []byte
	for _, g := range glyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	head := make([]byte, 54)
	put32(head, 0, 0x00010000)
	put32(head, 12, 0x5f0f3cf5) // magic
	put16(head, 18, 1000)       // unitsPerEm
	put16(head, 50, 1)          // long loca
	hhea := make([]byte, 36)
	put32(hhea, 0, 0x00010000)
	nh := (n + 1) / 2
	put16(hhea, 34, uint16(nh))
	var hmtx []byte
	for gid := range n {
		if gid < nh {
			hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(500+gid))
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(10+gid)) // lsb
	}
	maxp := make([]byte, 6)
	put32(maxp, 0, 0x00005000)
	put16(maxp, 4, uint16(n))
	post := make([]byte, 32, 40)
	put32(post, 0, 0x00020000)
	post = append(post, "names…"...)
	var m []cmapEntry
	m = append(m, cmap...)
	slices.SortFunc(m, func(a, b cmapEntry) int { return int(a.r) - int(b.r) })
	cm := make([]byte, 12)
	put16(cm, 2, 1)
	put16(cm, 4, 3)
	put16(cm, 6, 10)
	put32(cm, 8, 12)
	return sfnt{
		"head": head, "hhea": hhea, "hmtx": hmtx, "maxp": maxp, "loca": loca, "glyf": glyf,
		"post": post, "OS/2": make([]byte, 96), "GSUB": []byte("made-up layout"),
		"cmap": append(cm, writeCmap12(m)...),
		"name": testName(map[uint16]string{1: "Test Face", 6: name, 13: "a long license text"}),
	}
}

// testName writes a name table with Windows Unicode records.
func testName(names map[uint16]string) []byte {
	ids := slices.Sorted(maps.Keys(names))
	t := make([]byte, 6+12*len(ids))
	put16(t, 2, uint16(len(ids)))
	put16(t, 4, uint16(len(t)))
	var storage []byte
	for k, id := range ids {
		var s []byte
		for _, r := range names[id] {
			s = binary.BigEndian.AppendUint16(s, uint16(r))
		}
		for i, v := range []uint16{3, 1, 0x409, id, uint16(len(s)), uint16(len(storage))} {
			put16(t, 6+12*k+2*i, v)
		}
		storage = append(storage, s...)
	}
	return append(t, storage...)
}

// collection writes the faces as a TrueType collection.
func collection(faces ...sfnt) []byte {
	out := []byte("ttcf\x00\x01\x00\x00")
	out = binary.BigEndian.AppendUint32(out, uint32(len(faces)))
	out = append(out, make([]byte, 4*len(faces))...)
	for k, f := range faces {
		base := len(out)
		put32(out, 12+4*k, uint32(base))
		w := f.write()
		for t := range int(u16(w, 4)) {
			at := 12 + 16*t + 8
			put32(w, at, u32(w, at)+uint32(base))
		}
		out = append(out, w...)
	}
	return out
}

// sum adds up big-endian uint32s, independently of checksum.
func sum(b []byte) uint32 {
	b = append(b, make([]byte, (4-len(b)%4)%4)...)
	var s uint32
	for i := 0; i < len(b); i += 4 {
		s += uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
	}
	return s
}

// checkFile checks a written font's directory: sorted tags, tables at
// four-byte boundaries inside the file, their checksums, and the whole
// file's, which head's checkSumAdjustment makes 0xB1B0AFBA.
func checkFile(t *testing.T, data []byte) {
	t.Helper()
	n := int(u16(data, 4))
	prev := ""
	for k := range n {
		rec := 12 + 16*k
		tag := string(data[rec : rec+4])
		off, length := int(u32(data, rec+8)), int(u32(data, rec+12))
		if tag <= prev {
			t.Errorf("table %q after %q: the directory is not sorted", tag, prev)
		}
		prev = tag
		if off%4 != 0 || off+length > len(data) {
			t.Errorf("table %q at %d, %d bytes, in a file of %d", tag, off, length, len(data))
			continue
		}
		table := clone(data[off : off+length])
		if tag == "head" {
			put32(table, 8, 0)
		}
		if got := u32(data, rec+4); got != sum(table) {
			t.Errorf("table %q: checksum %08x, want %08x", tag, got, sum(table))
		}
	}
	if s := sum(data); s != 0xb1b0afba {
		t.Errorf("the font's checksum is %08x, want b1b0afba", s)
	}
}

// testGlyphs: 0 .notdef, 1–6 simple, 7 made of 3 and 8, 8 simple, 9 made of
// 7 (and so of 3 and 8), 10 empty, 11 simple.
func testGlyphs(size int) [][]byte {
	g := make([][]byte, 12)
	for gid := range g {
		g[gid] = simpleGlyph(byte(gid), size+gid) // odd sizes: padding is needed
	}
	g[7], g[9], g[10] = compositeGlyph(3, 8), compositeGlyph(7), nil
	return g
}

var testCmap = []cmapEntry{{'青', 1}, {'山', 2}, {'镇', 3}, {'白', 5}, {'河', 11}, {'县', 4}, {0x20001, 9}}

func TestSubsetSFNT(t *testing.T) {
	for _, c := range []struct {
		name      string
		size      int   // of a simple glyph
		keep      []int // asked for
		kept      []int // with outlines in the subset: with glyph 0 and the components
		numGlyphs int
		longLoca  bool
	}{
		{"simple glyphs", 40, []int{2, 5}, []int{0, 2, 5}, 6, false},
		{"a composite glyph brings its components", 40, []int{7}, []int{0, 3, 7, 8}, 9, false},
		{"nested composites", 40, []int{9, 1}, []int{0, 1, 3, 7, 8, 9}, 10, false},
		{"glyph 0 alone", 40, nil, []int{0}, 1, false},
		{"an empty glyph and one past the end", 40, []int{10, 400}, []int{0, 10}, 11, false},
		{"a large glyf table needs long offsets", 30000, []int{1, 2, 4, 5, 6, 11}, []int{0, 1, 2, 4, 5, 6, 11}, 12, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			glyphs := testGlyphs(c.size)
			face := testFace("TestFace", glyphs, testCmap)
			keep := map[int]bool{}
			for _, g := range c.keep {
				keep[g] = true
			}
			data, err := subsetSFNT(face, keep)
			if err != nil {
				t.Fatal(err)
			}
			checkFile(t, data)
			sub, err := readSFNT(data, "")
			if err != nil {
				t.Fatal(err)
			}
			checkSubset(t, face, sub, c.kept, c.numGlyphs)
			if long := u16(sub["head"], 50) == 1; long != c.longLoca {
				t.Errorf("long loca: %v, want %v", long, c.longLoca)
			}
		})
	}
}

// checkSubset compares a subset with its face: the glyphs kept and their
// metrics, the others empty; the tables; the character map and names.
func checkSubset(t *testing.T, face, sub sfnt, kept []int, numGlyphs int) {
	t.Helper()
	if got := sub.numGlyphs(); got != numGlyphs {
		t.Errorf("%d glyphs, want %d", got, numGlyphs)
	}
	for gid := range numGlyphs {
		got, err := sub.glyph(gid)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := face.glyph(gid)
		if !slices.Contains(kept, gid) {
			want = nil
		}
		// A glyph is padded to four bytes with zeros.
		if pad := len(got) - len(want); !bytes.HasPrefix(got, want) || pad > 3 || len(got)%4 != 0 ||
			!bytes.Equal(got[len(want):], make([]byte, max(pad, 0))) {
			t.Errorf("glyph %d: %d bytes %x, want %d %x", gid, len(got), got, len(want), want)
		}
		adv, lsb := sub.metric(gid)
		wadv, wlsb := face.metric(gid)
		if !slices.Contains(kept, gid) {
			wadv, wlsb = 0, 0
		}
		if adv != wadv || lsb != wlsb {
			t.Errorf("glyph %d: metrics %d %d, want %d %d", gid, adv, lsb, wadv, wlsb)
		}
	}
	var want []cmapEntry
	for _, e := range face.unicodeMap() {
		if slices.Contains(kept, e.gid) {
			want = append(want, e)
		}
	}
	tags := slices.Sorted(maps.Keys(sub))
	wantTags := []string{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}
	if len(want) == 0 { // no character maps to a glyph kept: no cmap
		wantTags = slices.DeleteFunc(wantTags, func(s string) bool { return s == "cmap" })
	}
	if !slices.Equal(tags, wantTags) {
		t.Errorf("tables %q, want %q", tags, wantTags)
	}
	if v := u32(sub["post"], 0); v != 0x00030000 || len(sub["post"]) != 32 {
		t.Errorf("post: version %08x, %d bytes; want 3.0, 32 bytes", v, len(sub["post"]))
	}
	if got := sub.unicodeMap(); !slices.Equal(got, want) {
		t.Errorf("cmap %v, want %v", got, want)
	}
	if got := sub.postScriptName(); got != face.postScriptName() {
		t.Errorf("PostScript name %q, want %q", got, face.postScriptName())
	}
	for _, r := range sub.nameRecords() {
		if r.nameID > 6 {
			t.Errorf("name ID %d (%q) kept", r.nameID, r.text())
		}
	}
}

// metric reads glyph gid's advance and left side bearing.
func (f sfnt) metric(gid int) (adv, lsb uint16) {
	h, nh := f["hmtx"], int(u16(f["hhea"], 34))
	if gid < nh {
		return u16(h, 4*gid), u16(h, 4*gid+2)
	}
	return u16(h, 4*nh-4), u16(h, 4*nh+2*(gid-nh))
}

func TestCmapFormats(t *testing.T) {
	for _, c := range []struct {
		name string
		m    []cmapEntry
	}{
		{"one character", []cmapEntry{{'青', 7}}},
		{"runs with consecutive glyphs", []cmapEntry{{'a', 3}, {'b', 4}, {'c', 5}, {'d', 9}, {'f', 10}}},
		{"glyph IDs below the codes", []cmapEntry{{'山', 1}, {'川', 2}, {0xfffe, 3}}},
		{"outside the BMP", []cmapEntry{{'镇', 2}, {0x20001, 5}, {0x20002, 6}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := map[int]bool{}
			for _, e := range c.m {
				want[e.gid] = true
			}
			face := sfnt{"cmap": []byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12}}
			face["cmap"] = append(face["cmap"], writeCmap12(c.m)...)
			sub := sfnt{"cmap": face.subsetCmap(want)}
			if got := sub.unicodeMap(); !slices.Equal(got, c.m) {
				t.Errorf("format 12 read back: %v, want %v", got, c.m)
			}
			// The format 4 subtable alone maps the BMP characters.
			var bmp []cmapEntry
			for _, e := range c.m {
				if e.r <= 0xffff {
					bmp = append(bmp, e)
				}
			}
			if got := cmap4(writeCmap4(c.m)); !slices.Equal(got, bmp) {
				t.Errorf("format 4 read back: %v, want %v", got, bmp)
			}
		})
	}
}

func TestReadSFNTCollection(t *testing.T) {
	glyphs := testGlyphs(40)
	a := testFace("FaceA", glyphs, testCmap)
	b := testFace("FaceB", glyphs, testCmap[:2])
	ttc := collection(a, b)
	for _, c := range []struct{ ask, want string }{
		{"FaceA", "FaceA"}, {"FaceB", "FaceB"}, {"Unknown", "FaceA"}, {"", "FaceA"},
	} {
		f, err := readSFNT(ttc, c.ask)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.postScriptName(); got != c.want {
			t.Errorf("readSFNT(%q) read face %q, want %q", c.ask, got, c.want)
		}
	}
	sub, err := readSFNT(ttc, "FaceB")
	if err != nil {
		t.Fatal(err)
	}
	data, err := subsetSFNT(sub, map[int]bool{1: true, 2: true, 5: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(data[:4]) == "ttcf" {
		t.Error("the subset of a face of a collection is a collection")
	}
	if got := (sfnt{"cmap": sub.subsetCmap(map[int]bool{1: true, 2: true, 5: true})}).unicodeMap(); len(got) != 2 {
		t.Errorf("FaceB's subset maps %v, want its own two characters", got)
	}
}

func TestReadSFNTBad(t *testing.T) {
	good := testFace("TestFace", testGlyphs(40), testCmap).write()
	cff := clone(good)
	copy(cff, "OTTO")
	noGlyf := testFace("TestFace", testGlyphs(40), testCmap)
	delete(noGlyf, "glyf")
	for _, c := range []struct {
		name    string
		data    []byte
		notTrue bool
	}{
		{"empty", nil, true},
		{"an OpenType CFF font", cff, true},
		{"no glyf table", noGlyf.write(), true},
		{"cut in its directory", good[:40], false},
		{"a collection of no face", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), false},
		{"a collection whose face is outside it", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\xff\xff"), false},
	} {
		_, err := readSFNT(c.data, "")
		if err == nil {
			t.Errorf("%s: no error", c.name)
		} else if errors.Is(err, errNotTrueType) != c.notTrue {
			t.Errorf("%s: %v; not TrueType: %v, want %v", c.name, err, !c.notTrue, c.notTrue)
		}
	}
}

// TestSubsetTruncated: a font cut anywhere, or with a glyph outside its
// glyf table, gives an error or a subset, never a panic.
func TestSubsetTruncated(t *testing.T) {
	face := testFace("TestFace", testGlyphs(40), testCmap)
	good := face.write()
	keep := map[int]bool{1: true, 7: true, 9: true, 11: true}
	for n := 0; n < len(good); n += 7 {
		if f, err := readSFNT(good[:n], "TestFace"); err == nil {
			subsetSFNT(f, keep)
		}
	}
	bad := maps.Clone(face)
	bad["loca"] = clone(face["loca"])
	put32(bad["loca"], 4*8, 1<<20) // glyph 7 ends far past glyf
	if _, err := subsetSFNT(bad, keep); err == nil {
		t.Error("a glyph outside the glyf table: no error")
	}
	cut := maps.Clone(face)
	cut["glyf"] = clone(face["glyf"])
	start, _ := face.glyph(7)
	off := bytes.Index(cut["glyf"], start)
	cut["glyf"] = cut["glyf"][:off+12] // the composite glyph 7 cut in its first component
	cut["loca"] = clone(face["loca"])
	for gid := 8; gid <= 12; gid++ {
		put32(cut["loca"], 4*gid, uint32(off+12))
	}
	if _, err := subsetSFNT(cut, keep); err == nil {
		t.Error("a composite glyph cut short: no error")
	}
}

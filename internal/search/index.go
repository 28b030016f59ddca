package search

import (
	"encoding/base64"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Tuning sets the shape of the index. DefaultTuning is what Write uses.
type Tuning struct {
	Split  int // a prefix found at more positions than this is split by the next character…
	Depth  int // …unless it is this many characters long
	Inline int // a leaf whose positions take at most this many bytes (base64) stays in its trie file
	Bucket int // about how many bytes each trie file holds: sets how many there are
}

// DefaultTuning is the index's shape, chosen by measuring downloads per
// query on a 10,000-report archive (see the package's benchmarks).
var DefaultTuning = Tuning{Split: 1024, Depth: 10, Inline: 1024, Bucket: 8192}

// builder holds the folded text of the whole archive while the trie is cut.
type builder struct {
	tu     Tuning
	txt    []uint16 // character ids; 0 is a stop; every unit ends with one
	chars  []rune   // id → character
	ustart []uint32 // where each unit starts in txt; one more at the end
	ur     []uint32 // unit → report number
	ulu    []uint16 // unit → local number
	blk    []uint32 // blk[g>>6] is the unit holding position g&^63
	pos    []uint32 // every indexed position, grouped by the trie's leaves
	out    output   // where leaves too large to inline go
	ids    [0x10000]uint16
	astral map[rune]uint16
}

// output receives the files of the index.
type output interface {
	file(name string, data []byte) error
}

// frag is one pair of characters' trie, in JSON, for its bucket.
type frag struct {
	key  string
	json []byte
}

// runeCount is about how many characters the reports' text has: a bound
// for the folded text's length.
func runeCount(docs []*doc) int {
	n := 0
	for _, d := range docs {
		n += utf8.RuneCountInString(d.Title) + 1
		for _, b := range d.Doc.Blocks {
			n += utf8.RuneCountInString(b.Marker) + utf8.RuneCountInString(b.Lead) + utf8.RuneCountInString(b.Text) + 1
			for _, row := range b.Rows {
				for _, c := range row {
					n += utf8.RuneCountInString(c) + 1
				}
			}
		}
	}
	return n
}

// text appends the folded text of report r's paragraphs, numbering its
// characters.
func (b *builder) text(r int, d *doc) error {
	if b.chars == nil {
		b.chars = []rune{stop}
		b.astral = map[rune]uint16{}
	}
	for _, u := range d.units {
		b.ustart = append(b.ustart, uint32(len(b.txt)))
		b.ur = append(b.ur, uint32(r))
		b.ulu = append(b.ulu, uint16(u.lu))
		for _, c := range u.text {
			v, err := b.id(c)
			if err != nil {
				return err
			}
			b.txt = append(b.txt, v)
		}
		b.txt = append(b.txt, 0)
	}
	if uint64(len(b.txt)) >= 1<<32 {
		return fmt.Errorf("search: the archive's text is too long for one index (%d characters)", len(b.txt))
	}
	return nil
}

// id is the number of the character c folds to.
func (b *builder) id(c rune) (uint16, error) {
	r := foldRune(c)
	if r == stop {
		return 0, nil
	}
	if r < 0x10000 && b.ids[r] != 0 {
		return b.ids[r], nil
	}
	if v, ok := b.astral[r]; ok {
		return v, nil
	}
	if len(b.chars) == 0xFFFF {
		return 0, fmt.Errorf("search: more than %d different characters", 0xFFFE)
	}
	v := uint16(len(b.chars))
	b.chars = append(b.chars, r)
	if r < 0x10000 {
		b.ids[r] = v
	} else {
		b.astral[r] = v
	}
	return v, nil
}

// index finishes the text's layout: the table from positions to
// paragraphs.
func (b *builder) index() {
	b.ustart = append(b.ustart, uint32(len(b.txt)))
	b.blk = make([]uint32, len(b.txt)>>6+1)
	u := 0
	for i := range b.blk {
		for b.ustart[u+1] <= uint32(i<<6) && u+1 < len(b.ur) {
			u++
		}
		b.blk[i] = uint32(u)
	}
}

// positions files every position that starts two characters, grouped by
// its first character (in text order within each group), and returns the
// groups' bounds: group c is pos[bounds[c]:bounds[c+1]].
func (b *builder) positions() []int {
	bounds := make([]int, len(b.chars)+1)
	t := b.txt
	for g := 0; g+1 < len(t); g++ {
		if t[g] != 0 && t[g+1] != 0 {
			bounds[t[g]+1]++
		}
	}
	for c := 1; c < len(bounds); c++ {
		bounds[c] += bounds[c-1]
	}
	b.pos = make([]uint32, bounds[len(bounds)-1])
	next := slices.Clone(bounds)
	for g := 0; g+1 < len(t); g++ {
		if t[g] != 0 && t[g+1] != 0 {
			b.pos[next[t[g]]] = uint32(g)
			next[t[g]]++
		}
	}
	return bounds
}

// trie cuts the trie of every pair of characters, in parallel, writing
// the large leaves, and returns each pair's JSON.
func (b *builder) trie(bounds []int) ([]frag, error) {
	workers := runtime.GOMAXPROCS(0)
	var (
		next  atomic.Int64
		mu    sync.Mutex
		frags []frag
		first error
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{b: b, cnt: make([]uint32, len(b.chars))}
			var mine []frag
			for {
				c := int(next.Add(1)) // character ids start at 1
				if c >= len(b.chars) {
					break
				}
				lo, hi := bounds[c], bounds[c+1]
				if lo == hi {
					continue
				}
				fs, err := w.group(lo, hi)
				if err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
					return
				}
				mine = append(mine, fs...)
			}
			mu.Lock()
			frags = append(frags, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	slices.SortFunc(frags, func(x, y frag) int { return compareStrings(x.key, y.key) })
	return frags, nil
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// worker cuts the tries of the pairs that start with one character at a
// time.
type worker struct {
	b    *builder
	cnt  []uint32 // per character id, zero between uses
	seen []uint16
	tmp  []uint32
	enc  []byte // a leaf's entries
	b64  []byte
	key  []rune // the prefix of the node being cut
	ext  int    // external leaves written for the current pair
	sub  int    // tries with a file of their own written for it
}

// span is a child of a node: the positions followed by one character.
type span struct {
	c      uint16
	lo, hi int
}

// split reorders pos[lo:hi] by the character at depth (stable: text order
// stays within each child) and returns the children, stop (c == 0) first.
func (w *worker) split(lo, hi, depth int) []span {
	t, ps := w.b.txt, w.b.pos[lo:hi]
	w.seen = w.seen[:0]
	for _, g := range ps {
		c := t[int(g)+depth]
		if w.cnt[c] == 0 {
			w.seen = append(w.seen, c)
		}
		w.cnt[c]++
	}
	slices.Sort(w.seen)
	spans := make([]span, len(w.seen))
	at := 0
	for i, c := range w.seen {
		n := int(w.cnt[c])
		spans[i] = span{c, lo + at, lo + at + n}
		w.cnt[c] = uint32(at) // now the next slot of c
		at += n
	}
	if len(spans) == 1 {
		w.cnt[w.seen[0]] = 0
		return spans
	}
	if cap(w.tmp) < len(ps) {
		w.tmp = make([]uint32, len(ps))
	}
	tmp := w.tmp[:len(ps)]
	for _, g := range ps {
		c := t[int(g)+depth]
		tmp[w.cnt[c]] = g
		w.cnt[c]++
	}
	copy(ps, tmp)
	for _, c := range w.seen {
		w.cnt[c] = 0
	}
	return spans
}

// group cuts the tries of the pairs starting with the characters of
// pos[lo:hi], all the same.
func (w *worker) group(lo, hi int) ([]frag, error) {
	first := w.b.chars[w.b.txt[w.b.pos[lo]]]
	var out []frag
	for _, s := range w.split(lo, hi, 1) {
		w.key = append(w.key[:0], first, w.b.chars[s.c])
		w.ext, w.sub = 0, 0
		var buf []byte
		n, err := w.node(buf, s.lo, s.hi, 2)
		if err != nil {
			return nil, err
		}
		out = append(out, frag{string(w.key[:2]), n.json})
	}
	return out, nil
}

// built is a node's JSON and what its leaves cost the reader.
type built struct {
	json     []byte
	ext, inl int
}

// node writes the trie below the prefix w.key (depth characters long),
// whose positions are pos[lo:hi].
func (w *worker) node(buf []byte, lo, hi, depth int) (built, error) {
	if hi-lo <= w.b.tu.Split || depth >= w.b.tu.Depth {
		return w.leaf(buf, lo, hi)
	}
	spans := w.split(lo, hi, depth)
	if len(spans) == 1 && spans[0].c == 0 {
		return w.leaf(buf, lo, hi)
	}
	var kids []byte
	var end built
	ext, inl := 0, 0
	kids = append(kids, '{')
	for i, s := range spans {
		if s.c == 0 {
			var err error
			if end, err = w.leaf(nil, s.lo, s.hi); err != nil {
				return built{}, err
			}
			ext, inl = ext+end.ext, inl+end.inl
			continue
		}
		if len(kids) > 1 {
			kids = append(kids, ',')
		}
		_ = i
		kids = appendJSONString(kids, string(w.b.chars[s.c]))
		kids = append(kids, ':')
		w.key = append(w.key[:depth], w.b.chars[s.c])
		k, err := w.node(nil, s.lo, s.hi, depth+1)
		if err != nil {
			return built{}, err
		}
		kids = append(kids, k.json...)
		ext, inl = ext+k.ext, inl+k.inl
	}
	kids = append(kids, '}')
	buf = append(buf, '[')
	buf = strconv.AppendInt(buf, int64(ext), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(inl), 10)
	buf = append(buf, ',')
	buf = append(buf, kids...)
	if end.json != nil {
		buf = append(buf, ',')
		buf = append(buf, end.json...)
	}
	buf = append(buf, ']')
	if depth > 2 && len(buf) > w.b.tu.Bucket/2 { // a large trie has a file of its own
		name := subName(w.key[0], w.key[1], w.sub)
		w.sub++
		if err := w.b.out.file(name+".js", jsonpRaw(name, buf)); err != nil {
			return built{}, err
		}
		buf = fmt.Appendf(nil, "[%d,%d,%d]", ext, inl, w.sub-1)
	}
	return built{buf, ext, inl}, nil
}

// subName is the file of the n-th trie below the pair ab that has a file
// of its own.
func subName(a, b rune, n int) string {
	return "s/" + strconv.FormatInt(int64(a), 36) + "_" + strconv.FormatInt(int64(b), 36) + "_" + strconv.Itoa(n)
}

// leaf encodes the positions pos[lo:hi] (ascending) and keeps them inline
// or writes them to a file of their own.
func (w *worker) leaf(buf []byte, lo, hi int) (built, error) {
	w.enc = w.b.entries(w.enc[:0], w.b.pos[lo:hi])
	n := base64.RawStdEncoding.EncodedLen(len(w.enc))
	if cap(w.b64) < n {
		w.b64 = make([]byte, n)
	}
	b64 := w.b64[:n]
	base64.RawStdEncoding.Encode(b64, w.enc)
	if n <= w.b.tu.Inline {
		buf = append(buf, '"')
		buf = append(buf, b64...)
		buf = append(buf, '"')
		return built{buf, 0, n}, nil
	}
	name := leafName(w.key[0], w.key[1], w.ext)
	w.ext++
	var f []byte
	f = append(f, "_gs("...)
	f = appendJSONString(f, name)
	f = append(f, ",\""...)
	f = append(f, b64...)
	f = append(f, "\")\n"...)
	if err := w.b.out.file(name+".js", f); err != nil {
		return built{}, err
	}
	buf = append(buf, '[')
	buf = strconv.AppendInt(buf, int64(len(f)), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(w.ext-1), 10)
	buf = append(buf, ']')
	return built{buf, len(f), 0}, nil
}

// leafName is the file of the n-th external leaf below the pair ab.
func leafName(a, b rune, n int) string {
	return "p/" + strconv.FormatInt(int64(a), 36) + "_" + strconv.FormatInt(int64(b), 36) + "_" + strconv.Itoa(n)
}

// entries appends the positions ps (ascending) as the index stores them:
// per position the report, the paragraph's local number and the offset,
// each as a difference from the position before where that is shorter.
//
//	x = dr<<1 | 1, lu, off   a new report (dr reports on)
//	x = dlu<<1, off          a new paragraph of the same report
//	x = 0, doff              the same paragraph, doff characters on
func (b *builder) entries(dst []byte, ps []uint32) []byte {
	u := 0
	prevR, prevLU, prevOff := -1, 0, 0
	for _, g := range ps {
		if bu := int(b.blk[g>>6]); bu > u {
			u = bu
		}
		for b.ustart[u+1] <= g {
			u++
		}
		r, lu, off := int(b.ur[u]), int(b.ulu[u]), int(g-b.ustart[u])
		switch {
		case r != prevR:
			dst = appendUvarint(dst, uint64(r-prevR)<<1|1)
			dst = appendUvarint(dst, uint64(lu))
			dst = appendUvarint(dst, uint64(off))
		case lu != prevLU:
			dst = appendUvarint(dst, uint64(lu-prevLU)<<1)
			dst = appendUvarint(dst, uint64(off))
		default:
			dst = appendUvarint(dst, 0)
			dst = appendUvarint(dst, uint64(off-prevOff))
		}
		prevR, prevLU, prevOff = r, lu, off
	}
	return dst
}

func appendUvarint(dst []byte, v uint64) []byte {
	for v >= 0x80 {
		dst = append(dst, byte(v)|0x80)
		v >>= 7
	}
	return append(dst, byte(v))
}

// appendJSONString appends s as a JSON string that is also a safe
// JavaScript string literal.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == utf8.RuneError:
			dst = append(dst, `\u`...)
			dst = append(dst, fmt.Sprintf("%04x", r)...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return append(dst, '"')
}

// bucketOf is the trie file of the pair ab among n (a power of two); the
// browser computes the same.
func bucketOf(a, b rune, n int) int {
	h := uint32(a)*0x9E3779B1 ^ uint32(b)
	h ^= h >> 15
	h *= 0x85EBCA6B
	h ^= h >> 13
	return int(h & uint32(n-1))
}

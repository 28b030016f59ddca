package search

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index answers queries from the files Write wrote, reading only the
// files a query needs, as the browser does.
type Index struct {
	dir     string
	meta    meta
	years   []byte // per report: year − 1900
	placeOf []int  // per report: index into meta.Places
	trad    map[rune]rune

	mu      sync.Mutex
	files   map[string]json.RawMessage // what was read, by name
	read    int64                      // bytes read, all files
	chunks  map[string]*chunkData
	buckets map[string]map[string]json.RawMessage
	AllKeys bool // plan with every offset of a word, not only a tiling (measurements)
}

// Open reads the index's meta file in dir (public/search).
func Open(dir string) (*Index, error) {
	ix := &Index{dir: dir, files: map[string]json.RawMessage{}, chunks: map[string]*chunkData{}, buckets: map[string]map[string]json.RawMessage{}}
	raw, err := ix.load("m")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no search index here (m.js is missing): build the site first (govreport build)", dir)
		}
		return nil, err
	}
	if err := json.Unmarshal(raw, &ix.meta); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "m.js"), err)
	}
	if ix.meta.Format != Format {
		return nil, fmt.Errorf("%s: index format %d, this govreport reads %d: build the site again", filepath.Join(dir, "m.js"), ix.meta.Format, Format)
	}
	if ix.years, err = base64.RawStdEncoding.DecodeString(ix.meta.Years); err != nil {
		return nil, fmt.Errorf("%s: years: %v", filepath.Join(dir, "m.js"), err)
	}
	for p, n := range ix.meta.Counts {
		for range n {
			ix.placeOf = append(ix.placeOf, p)
		}
	}
	if len(ix.placeOf) != len(ix.years) || ix.meta.Buckets <= 0 || ix.meta.Buckets&(ix.meta.Buckets-1) != 0 {
		return nil, fmt.Errorf("%s: damaged: build the site again", filepath.Join(dir, "m.js"))
	}
	ix.trad = map[rune]rune{}
	fs := []rune(ix.meta.Fold)
	for i := 0; i+1 < len(fs); i += 2 {
		ix.trad[fs[i]] = fs[i+1]
	}
	return ix, nil
}

// Read returns how many bytes of index files the queries so far have read,
// each file counted once, as a browser that caches them downloads.
func (ix *Index) Read() int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.read
}

// Files returns the names of the files the queries so far have read.
func (ix *Index) Files() []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	names := make([]string, 0, len(ix.files))
	for n := range ix.files {
		names = append(names, n+".js")
	}
	slices.Sort(names)
	return names
}

// Reports is how many reports the index holds.
func (ix *Index) Reports() int { return len(ix.years) }

// load reads the file name (without .js) and returns its data.
func (ix *Index) load(name string) (json.RawMessage, error) {
	ix.mu.Lock()
	if v, ok := ix.files[name]; ok {
		ix.mu.Unlock()
		return v, nil
	}
	ix.mu.Unlock()
	path := filepath.Join(ix.dir, filepath.FromSlash(name)+".js")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	prefix := append(appendJSONString([]byte("_gs("), name), ',')
	if !bytes.HasPrefix(data, prefix) || !bytes.HasSuffix(data, []byte(")\n")) {
		return nil, fmt.Errorf("%s: not an index file of this format: build the site again", path)
	}
	v := json.RawMessage(data[len(prefix) : len(data)-2])
	ix.mu.Lock()
	if _, ok := ix.files[name]; !ok {
		ix.files[name] = v
		ix.read += int64(len(data))
	}
	ix.mu.Unlock()
	return v, nil
}

// Match is one paragraph that contains every word of a query.
type Match struct {
	R, LU int      // report (index order) and the paragraph's local number
	Hits  [][2]int // the words found in it: rune offsets, start and end
}

// Answer is what a query finds, before any text is read.
type Answer struct {
	Words   []string
	Matches []Match // ranked
	Places  map[string]int
	Years   map[int]int
	ix      *Index
}

// Reports is how many reports the matches are in.
func (a *Answer) Reports() int {
	n, last := 0, -1
	rs := make([]int, len(a.Matches))
	for i, m := range a.Matches {
		rs[i] = m.R
	}
	slices.Sort(rs)
	for _, r := range rs {
		if r != last {
			n, last = n+1, r
		}
	}
	return n
}

// ErrShort is returned for a query with no word of two or more characters.
var ErrShort = errors.New("a query needs a word of at least two characters")

// Search finds the paragraphs that contain every word of q (Words); words
// of one character are too short to search and are left out unless they
// are all there is (ErrShort).
func (ix *Index) Search(q string) (*Answer, error) {
	a := &Answer{Places: map[string]int{}, Years: map[int]int{}, ix: ix}
	for _, w := range Words(ix.fold(q)) {
		if utf8.RuneCountInString(w) >= 2 {
			a.Words = append(a.Words, w)
		}
	}
	if len(a.Words) == 0 {
		return nil, ErrShort
	}
	var units map[[2]int][][2]int
	for i, w := range a.Words {
		found, err := ix.word([]rune(w))
		if err != nil {
			return nil, err
		}
		next := map[[2]int][][2]int{}
		n := utf8.RuneCountInString(w)
		for _, f := range found {
			k := [2]int{f[0], f[1]}
			if i > 0 && units[k] == nil {
				continue
			}
			if next[k] == nil && i > 0 {
				next[k] = units[k]
			}
			next[k] = append(next[k], [2]int{f[2], f[2] + n})
		}
		units = next
		if len(units) == 0 {
			break
		}
	}
	for k, hits := range units {
		slices.SortFunc(hits, func(x, y [2]int) int { return cmp.Or(x[0]-y[0], x[1]-y[1]) })
		a.Matches = append(a.Matches, Match{R: k[0], LU: k[1], Hits: hits})
		a.Places[ix.meta.Places[ix.placeOf[k[0]]]]++
		a.Years[ix.year(k[0])]++
	}
	slices.SortFunc(a.Matches, func(x, y Match) int {
		return cmp.Or(x.LU&1-y.LU&1, ix.year(y.R)-ix.year(x.R), x.R-y.R, x.LU-y.LU)
	})
	return a, nil
}

func (ix *Index) year(r int) int {
	if y := ix.years[r]; y > 0 {
		return 1900 + int(y)
	}
	return 0
}

// fold folds q with the index's own table, as the browser does.
func (ix *Index) fold(q string) string {
	var b strings.Builder
	for _, r := range q {
		if s, ok := ix.trad[r]; ok {
			r = s
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// cover is one offset's part of a word's plan: the trie node of word[k:]
// and the characters [k, end) it vouches for.
type cover struct {
	k, end int
	node   json.RawMessage
	cost   int
}

// word returns every occurrence of the word w (folded, two characters or
// more) as report, local number, offset.
func (ix *Index) word(w []rune) ([][3]int, error) {
	m := len(w)
	var covers []cover
	for k := 0; k+1 < m; k++ {
		if !ix.AllKeys && k%2 == 1 && k != m-2 {
			continue
		}
		c, ok, err := ix.walk(w, k)
		if err != nil || !ok {
			return nil, err // a part of w occurs nowhere
		}
		covers = append(covers, c)
	}
	plan := cheapest(covers, m)
	slices.SortStableFunc(plan, func(x, y cover) int { return x.cost - y.cost })
	var have map[[3]int]bool
	for i, c := range plan {
		got := map[[3]int]bool{}
		err := ix.entries(w, c.k, c.node, func(r, lu, off int) {
			if k := [3]int{r, lu, off - c.k}; off >= c.k && (i == 0 || have[k]) {
				got[k] = true
			}
		})
		if err != nil {
			return nil, err
		}
		have = got
		if len(have) == 0 {
			return nil, nil
		}
	}
	out := make([][3]int, 0, len(have))
	for k := range have {
		out = append(out, k)
	}
	return out, nil
}

// walk finds the trie node of w[k:].
func (ix *Index) walk(w []rune, k int) (cover, bool, error) {
	name := "b/" + strconv.FormatInt(int64(bucketOf(w[k], w[k+1], ix.meta.Buckets)), 36)
	raw, err := ix.load(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return cover{}, false, nil // an empty bucket is not written
		}
		return cover{}, false, err
	}
	bucket, err := ix.bucket(name, raw)
	if err != nil {
		return cover{}, false, err
	}
	node, ok := bucket[string(w[k:k+2])]
	if !ok {
		return cover{}, false, nil
	}
	if len(node) > 0 && node[0] >= '0' && node[0] <= '9' { // in a file of its own
		if node, err = ix.load(subtrieName(w[k], w[k+1])); err != nil {
			return cover{}, false, err
		}
	}
	for j := k + 2; ; j++ {
		n, err := parseNode(node)
		if err != nil {
			return cover{}, false, fmt.Errorf("%s: %v", name, err)
		}
		if n.sub >= 0 {
			if node, err = ix.load(subName(w[k], w[k+1], n.sub)); err != nil {
				return cover{}, false, err
			}
			if n, err = parseNode(node); err != nil {
				return cover{}, false, err
			}
		}
		if n.kids == nil || j == len(w) {
			return cover{k: k, end: j, node: node, cost: n.cost()}, true, nil
		}
		if node, ok = n.kids[string(w[j])]; !ok {
			return cover{}, false, nil
		}
	}
}

// bucket parses a trie file once.
func (ix *Index) bucket(name string, raw json.RawMessage) (map[string]json.RawMessage, error) {
	ix.mu.Lock()
	b, ok := ix.buckets[name]
	ix.mu.Unlock()
	if ok {
		return b, nil
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	ix.mu.Lock()
	ix.buckets[name] = b
	ix.mu.Unlock()
	return b, nil
}

// node is a trie node as stored: a leaf kept inline (base64 entries), a
// leaf in a file of its own (size, number), or a prefix split by the next
// character (the costs of its leaves, its children, and the leaf of the
// positions where the prefix ends at a stop).
type node struct {
	inline   string
	file     [2]int
	ext, inl int
	sub      int // the number of the file holding the node; -1 none
	kids     map[string]json.RawMessage
	end      json.RawMessage
}

func parseNode(raw json.RawMessage) (node, error) {
	n := node{sub: -1}
	switch {
	case len(raw) > 0 && raw[0] == '"':
		err := json.Unmarshal(raw, &n.inline)
		return n, err
	case len(raw) > 0 && raw[0] == '[':
		var parts []json.RawMessage
		if err := json.Unmarshal(raw, &parts); err != nil {
			return n, err
		}
		if len(parts) == 2 {
			err := cmp.Or(json.Unmarshal(parts[0], &n.file[0]), json.Unmarshal(parts[1], &n.file[1]))
			return n, err
		}
		if len(parts) < 3 {
			return n, fmt.Errorf("bad trie node %.40s", raw)
		}
		if len(parts) == 3 && len(parts[2]) > 0 && parts[2][0] != '{' { // in a file of its own
			n.sub = -1
			err := cmp.Or(json.Unmarshal(parts[0], &n.ext), json.Unmarshal(parts[1], &n.inl), json.Unmarshal(parts[2], &n.sub))
			return n, err
		}
		err := cmp.Or(json.Unmarshal(parts[0], &n.ext), json.Unmarshal(parts[1], &n.inl), json.Unmarshal(parts[2], &n.kids))
		if len(parts) > 3 {
			n.end = parts[3]
		}
		if n.kids == nil {
			n.kids = map[string]json.RawMessage{}
		}
		return n, err
	}
	return n, fmt.Errorf("bad trie node %.40s", raw)
}

// cost is what reading the node's leaves costs: a file's bytes, an inline
// leaf's a quarter of its bytes (decoding only).
func (n node) cost() int {
	switch {
	case n.kids != nil || n.sub >= 0:
		return n.ext + n.inl/4
	case n.inline != "":
		return len(n.inline) / 4
	}
	return n.file[0]
}

// cheapest picks covers whose characters together are the whole word (m
// characters) at the least cost.
func cheapest(covers []cover, m int) []cover {
	const inf = 1 << 62
	best := make([]int, m+1)
	from := make([]int, m+1) // the cover that reached each end…
	prev := make([]int, m+1) // …from this end
	for i := range best {
		best[i] = inf
	}
	best[0] = 0
	for x := 0; x < m; x++ {
		if best[x] == inf {
			continue
		}
		for i, c := range covers {
			if c.k <= x && c.end > x && best[x]+c.cost+1 < best[c.end] {
				best[c.end], from[c.end], prev[c.end] = best[x]+c.cost+1, i, x
			}
		}
	}
	var plan []cover
	for x := m; x > 0; x = prev[x] {
		plan = append(plan, covers[from[x]])
	}
	return plan
}

// entries calls f for every position of the leaves below the node raw of
// word w at offset k.
func (ix *Index) entries(w []rune, k int, raw json.RawMessage, f func(r, lu, off int)) error {
	n, err := parseNode(raw)
	if err != nil {
		return err
	}
	switch {
	case n.sub >= 0:
		sub, err := ix.load(subName(w[k], w[k+1], n.sub))
		if err != nil {
			return err
		}
		return ix.entries(w, k, sub, f)
	case n.kids != nil:
		for _, kid := range n.kids {
			if err := ix.entries(w, k, kid, f); err != nil {
				return err
			}
		}
		if n.end != nil {
			return ix.entries(w, k, n.end, f)
		}
		return nil
	case n.inline != "":
		return decode(n.inline, f)
	}
	name := leafName(w[k], w[k+1], n.file[1])
	data, err := ix.load(name)
	if err != nil {
		return err
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return decode(s, f)
}

// decode reads a leaf's entries (see builder.entries).
func decode(s string, f func(r, lu, off int)) error {
	data, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return err
	}
	r, lu, off := -1, 0, 0
	next := func() (int, bool) {
		v, n := uvarint(data)
		if n <= 0 {
			return 0, false
		}
		data = data[n:]
		return int(v), true
	}
	for len(data) > 0 {
		x, ok := next()
		if !ok {
			return errors.New("damaged leaf")
		}
		a, ok1 := next()
		switch {
		case x&1 == 1:
			b, ok2 := next()
			ok1 = ok1 && ok2
			r, lu, off = r+x>>1, a, b
		case x > 0:
			lu, off = lu+x>>1, a
		default:
			off += a
		}
		if !ok1 {
			return errors.New("damaged leaf")
		}
		f(r, lu, off)
	}
	return nil
}

func uvarint(buf []byte) (uint64, int) {
	var x uint64
	var s uint
	for i, b := range buf {
		if i == 10 {
			return 0, -1
		}
		if b < 0x80 {
			return x | uint64(b)<<s, i + 1
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, 0
}

// Result is one paragraph found, ready to show.
type Result struct {
	Title   string   `json:"title"`
	Place   string   `json:"place"`
	Year    int      `json:"year"`
	Date    string   `json:"date"`
	URL     string   `json:"url"` // the paragraph: reports/<slug>.html#<id>
	Heading string   `json:"heading,omitempty"`
	Text    string   `json:"text"`
	Hits    [][2]int `json:"hits"` // rune offsets in Text
}

// Results reads the text of the matches [from, from+n) and returns them.
func (a *Answer) Results(from, n int) ([]Result, error) {
	if from >= len(a.Matches) {
		return nil, nil
	}
	ms := a.Matches[from:min(len(a.Matches), from+n)]
	out := make([]Result, 0, len(ms))
	for _, m := range ms {
		res, err := a.ix.result(m)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// result reads one match's text.
func (ix *Index) result(m Match) (Result, error) {
	name := chunkName(m.R, chunkOf(m.LU))
	ix.mu.Lock()
	cd := ix.chunks[name]
	ix.mu.Unlock()
	if cd == nil {
		raw, err := ix.load(name)
		if err != nil {
			return Result{}, err
		}
		var parts [3]json.RawMessage
		cd = &chunkData{}
		var rep []any
		if err := cmp.Or(json.Unmarshal(raw, &parts), json.Unmarshal(parts[0], &rep), json.Unmarshal(parts[1], &cd.Units), json.Unmarshal(parts[2], &cd.Headings)); err != nil || len(rep) != 5 {
			return Result{}, fmt.Errorf("%s: damaged: build the site again (%v)", name, err)
		}
		copy(cd.Report[:], rep)
		ix.mu.Lock()
		ix.chunks[name] = cd
		ix.mu.Unlock()
	}
	first := firstOf(m.LU)
	i := m.LU>>1 - first
	if i < 0 || i >= len(cd.Units) {
		return Result{}, fmt.Errorf("%s: no paragraph %d: build the site again", name, m.LU)
	}
	u := cd.Units[i]
	res := Result{Hits: m.Hits}
	res.Title, _ = cd.Report[0].(string)
	res.Place, _ = cd.Report[1].(string)
	if y, ok := cd.Report[2].(float64); ok {
		res.Year = int(y)
	}
	res.Date, _ = cd.Report[3].(string)
	url, _ := cd.Report[4].(string)
	anchor, _ := u[0].(string)
	res.URL = url
	if anchor != "" {
		res.URL += "#" + anchor
	}
	res.Text, _ = u[1].(string)
	if h, ok := u[2].(float64); ok && h >= 0 && int(h) < len(cd.Headings) {
		res.Heading = cd.Headings[int(h)]
	}
	return res, nil
}

// firstOf is the class number of the first paragraph in lu's chunk.
func firstOf(lu int) int {
	if lu&1 == 0 {
		return lu >> 1 / headChunk * headChunk
	}
	return lu >> 1 / bodyChunk * bodyChunk
}

// Query returns every paragraph that contains every word of q, ranked,
// with its text.
func (ix *Index) Query(q string) ([]Result, error) {
	a, err := ix.Search(q)
	if err != nil {
		return nil, err
	}
	return a.Results(0, len(a.Matches))
}

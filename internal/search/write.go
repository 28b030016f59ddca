package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Format is the version of the index files; the reader refuses others.
const Format = 1

// Write builds the index of the reports into dir (public/search), which
// it replaces only when the whole index is written: a failed Write leaves
// dir as it was.
func Write(dir string, reports []Report) error {
	return WriteTuned(dir, reports, DefaultTuning)
}

// WriteTuned is Write with another shape of index, for measurements.
func WriteTuned(dir string, reports []Report, tu Tuning) error {
	dir = filepath.Clean(dir)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+"-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := build(newDirOutput(tmp), reports, tu); err != nil {
		return err
	}
	old := dir + ".old"
	os.RemoveAll(old)
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// build writes the whole index to out.
func build(out *dirOutput, reports []Report, tu Tuning) (err error) {
	defer func() { err = cmpErr(err, out.wait()) }()
	docs, places, err := order(reports)
	if err != nil {
		return err
	}
	b := &builder{tu: tu, out: out}
	b.txt = make([]uint16, 0, runeCount(docs)+1)
	err = paragraphs(out, docs, func(r int, d *doc) error { return b.text(r, d) })
	if err != nil {
		return err
	}
	b.index()
	frags, err := b.trie(b.positions())
	if err != nil {
		return err
	}
	b.pos, b.txt = nil, nil
	return writeBuckets(out, frags, tu.Bucket, docs, places)
}

// paragraphs splits the reports into paragraphs and writes their text
// chunks, several reports at a time, and hands each report to text in
// order; a report's paragraphs are dropped after that, so that only a few
// reports' are held at once.
func paragraphs(out *dirOutput, docs []*doc, text func(r int, d *doc) error) error {
	ready := make([]chan error, len(docs))
	for r := range ready {
		ready[r] = make(chan error, 1)
	}
	jobs, ahead := make(chan int), make(chan struct{}, 64)
	go func() {
		defer close(jobs)
		for r := range docs {
			ahead <- struct{}{}
			jobs <- r
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for r := range jobs {
				docs[r].split()
				ready[r] <- writeTexts(out, r, docs[r])
			}
		}()
	}
	var first error
	for r, d := range docs {
		if err := <-ready[r]; err != nil {
			first = cmpErr(first, err)
		}
		if first == nil {
			first = text(r, d)
		}
		d.units = nil
		<-ahead
	}
	return first
}

// writeBuckets groups the pairs' tries into as many files as give about
// size bytes each, and writes the meta file that says how many.
func writeBuckets(out *dirOutput, frags []frag, size int, docs []*doc, places []string) error {
	total := 0
	for _, f := range frags {
		total += len(f.key) + len(f.json) + 8
	}
	n := 1
	for n*size < total {
		n *= 2
	}
	byBucket := make([][]frag, n)
	for _, f := range frags {
		rs := []rune(f.key)
		if len(f.json) > size/2 { // a large trie has a file of its own
			name := subtrieName(rs[0], rs[1])
			if err := out.file(name+".js", jsonpRaw(name, f.json)); err != nil {
				return err
			}
			f.json = strconv.AppendInt(nil, int64(len(f.json)), 10)
		}
		i := bucketOf(rs[0], rs[1], n)
		byBucket[i] = append(byBucket[i], f)
	}
	for i, fs := range byBucket {
		if len(fs) == 0 {
			continue
		}
		name := "b/" + strconv.FormatInt(int64(i), 36)
		var buf []byte
		buf = append(buf, "_gs("...)
		buf = appendJSONString(buf, name)
		buf = append(buf, ",{"...)
		for j, f := range fs {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, f.key)
			buf = append(buf, ':')
			buf = append(buf, f.json...)
		}
		buf = append(buf, "})\n"...)
		if err := out.file(name+".js", buf); err != nil {
			return err
		}
	}
	return writeMeta(out, n, docs, places)
}

// meta is m.js: what the reader needs before its first query.
type meta struct {
	Format  int      `json:"v"`
	Buckets int      `json:"b"`
	Fold    string   `json:"f"` // Traditional, Simplified, pair after pair
	Stops   string   `json:"s"` // the marks that separate words
	Places  []string `json:"p"` // in index order
	Counts  []int    `json:"n"` // reports of each place, in index order
	Years   string   `json:"y"` // base64, a byte per report: year − 1900, 0 unknown
	Chunks  [2]int   `json:"c"` // headChunk, bodyChunk
}

func writeMeta(out *dirOutput, buckets int, docs []*doc, places []string) error {
	tradOnce.Do(tradTable)
	m := meta{Format: Format, Buckets: buckets, Fold: tradList, Stops: stops, Places: places, Counts: make([]int, len(places)), Chunks: [2]int{headChunk, bodyChunk}}
	years := make([]byte, len(docs))
	for r, d := range docs {
		m.Counts[d.place]++
		if y := d.Year - 1900; y > 0 && y < 256 {
			years[r] = byte(y)
		}
	}
	m.Years = base64.RawStdEncoding.EncodeToString(years)
	return out.file("m.js", jsonp("m", m))
}

// chunkData is a text chunk t/<r>_<c>.js as the reader sees it: the
// report (title, place, year, date, URL), and the chunk's paragraphs
// (anchor, text, index into Headings or -1) with the headings they sit
// under.
type chunkData struct {
	Report   [5]any
	Units    [][3]any
	Headings []string
}

// writeTexts writes the text chunks of report r.
func writeTexts(out *dirOutput, r int, d *doc) error {
	{
		var rep []byte
		rep = appendJSONString(append(rep, "[["...), d.Title)
		rep = appendJSONString(append(rep, ','), d.Place)
		rep = strconv.AppendInt(append(rep, ','), int64(d.Year), 10)
		rep = appendJSONString(append(rep, ','), d.Date)
		rep = appendJSONString(append(rep, ','), d.URL)
		rep = append(rep, "],["...)
		for _, c := range d.chunks {
			name := chunkName(r, c)
			buf := appendJSONString([]byte("_gs("), name)
			buf = append(append(buf, ','), rep...)
			var heads []int
			n := 0
			for _, u := range d.units {
				if chunkOf(u.lu) != c {
					continue
				}
				h := -1
				if u.heading >= 0 {
					if h = slices.Index(heads, u.heading); h < 0 {
						h = len(heads)
						heads = append(heads, u.heading)
					}
				}
				if n > 0 {
					buf = append(buf, ',')
				}
				n++
				buf = appendJSONString(append(buf, '['), u.anchor)
				buf = appendJSONString(append(buf, ','), u.text)
				buf = append(strconv.AppendInt(append(buf, ','), int64(h), 10), ']')
			}
			buf = append(buf, "],["...)
			for i, h := range heads {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = appendJSONString(buf, d.headings[h])
			}
			buf = append(buf, "]])\n"...)
			if err := out.file(name+".js", buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// chunkName is the file of report r's chunk c.
func chunkName(r, c int) string {
	return "t/" + strconv.Itoa(r) + "_" + strconv.Itoa(c)
}

// subtrieName is the file of the trie of the pair ab when it has one.
func subtrieName(a, b rune) string {
	return "s/" + strconv.FormatInt(int64(a), 36) + "_" + strconv.FormatInt(int64(b), 36)
}

// jsonpRaw is a file that hands the JSON data to the page.
func jsonpRaw(name string, data []byte) []byte {
	buf := appendJSONString([]byte("_gs("), name)
	buf = append(append(buf, ','), data...)
	return append(buf, ")\n"...)
}

// jsonp is a file that hands v to the page: _gs("name",v).
func jsonp(name string, v any) []byte {
	data, err := marshal(v)
	if err != nil {
		panic(fmt.Sprintf("search: %s: %v", name, err)) // only our own types reach here
	}
	var buf []byte
	buf = append(buf, "_gs("...)
	buf = appendJSONString(buf, name)
	buf = append(buf, ',')
	buf = append(buf, data...)
	return append(buf, ")\n"...)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	s := strings.TrimSuffix(b.String(), "\n")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u2028", `\u2028`), "\u2029", `\u2029`)
	return []byte(s), nil
}

// dirOutput writes files under a directory, several at a time.
type dirOutput struct {
	dir  string
	work chan job
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
	dirs sync.Map
}

type job struct {
	name string
	data []byte
}

func newDirOutput(dir string) *dirOutput {
	o := &dirOutput{dir: dir, work: make(chan job, 256)}
	for range max(2, runtime.GOMAXPROCS(0)) {
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			for j := range o.work {
				if err := o.write(j); err != nil {
					o.mu.Lock()
					o.err = cmpErr(o.err, err)
					o.mu.Unlock()
				}
			}
		}()
	}
	return o
}

func (o *dirOutput) write(j job) error {
	path := filepath.Join(o.dir, filepath.FromSlash(j.name))
	d := filepath.Dir(path)
	if _, ok := o.dirs.Load(d); !ok {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		o.dirs.Store(d, true)
	}
	return os.WriteFile(path, j.data, 0o644)
}

func (o *dirOutput) file(name string, data []byte) error {
	o.mu.Lock()
	err := o.err
	o.mu.Unlock()
	if err != nil {
		return err
	}
	o.work <- job{name, data}
	return nil
}

// wait waits for every file to be written.
func (o *dirOutput) wait() error {
	close(o.work)
	o.wg.Wait()
	return o.err
}

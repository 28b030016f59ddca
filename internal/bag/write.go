package bag

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Field is one bag-info.txt metadata element, "Label: Value".
type Field struct{ Label, Value string }

// Options says how a bag is packed.
type Options struct {
	// Name is the bag's base folder inside the zip.
	Name string
	// Date is the Bagging-Date and the modification time of every zip
	// entry. Take it from the input, never from the clock: the same input
	// must give the same bytes.
	Date time.Time
	// Info holds the bag-info.txt elements written before the two the
	// package adds, Bagging-Date and Payload-Oxum.
	Info []Field
}

// Summary describes a bag that was written.
type Summary struct {
	Files int   // payload files
	Bytes int64 // payload octets (the Payload-Oxum's OctetCount)
	Size  int64 // bytes of the zip
}

// The tag files of a bag, in the order the zip holds them.
const (
	bagInfoTxt  = "bag-info.txt"
	bagitTxt    = "bagit.txt"
	manifestTxt = "manifest-sha256.txt"
	tagmanTxt   = "tagmanifest-sha256.txt"
	payloadDir  = "data"
	declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
	fileMode    = 0o644
	dirMode     = 0o755
)

// Write packs p as a bag inside a zip written to w. The same files and
// options give the same bytes: entries sorted, one fixed time and fixed
// modes on every entry, nothing taken from the clock or the file system's
// metadata. A file whose size changed since it was listed stops the write.
func Write(w io.Writer, p *Payload, opts Options) (Summary, error) {
	if err := checkOptions(opts); err != nil {
		return Summary{}, err
	}
	if err := p.sortFiles(); err != nil {
		return Summary{}, err
	}
	var sum Summary
	for _, f := range p.Files {
		sum.Files++
		sum.Bytes += f.Size
	}
	info, err := bagInfo(opts, sum)
	if err != nil {
		return Summary{}, err
	}
	cw := &countWriter{w: w}
	z := &zipper{zw: zip.NewWriter(cw), root: opts.Name, date: opts.Date.UTC(), dirs: map[string]bool{}}
	z.zw.RegisterCompressor(zip.Deflate, deflater)
	tags := []struct{ name, text string }{{bagInfoTxt, info}, {bagitTxt, declaration}}
	var tagman strings.Builder
	for _, t := range tags {
		if err := z.text(t.name, t.text, &tagman); err != nil {
			return Summary{}, err
		}
	}
	var manifest strings.Builder
	for _, f := range p.Files {
		digest, err := z.file(payloadDir+"/"+f.Name, f)
		if err != nil {
			return Summary{}, err
		}
		fmt.Fprintf(&manifest, "%s  %s/%s\n", digest, payloadDir, f.Name)
	}
	if err := z.text(manifestTxt, manifest.String(), &tagman); err != nil {
		return Summary{}, err
	}
	if err := z.text(tagmanTxt, tagman.String(), nil); err != nil {
		return Summary{}, err
	}
	if err := z.zw.Close(); err != nil {
		return Summary{}, err
	}
	sum.Size = cw.n
	return sum, nil
}

// WriteFile writes the bag of p to the zip file out, atomically: a
// temporary file beside it, renamed into place once complete, so out is
// never half written. out must not lie inside a folder p was listed from.
func WriteFile(out string, p *Payload, opts Options) (Summary, error) {
	abs, err := resolve(out)
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", out, err)
	}
	for _, d := range p.Dirs {
		if inside(abs, resolveDir(d)) {
			return Summary{}, fmt.Errorf("%s is inside %s, which the archive holds: write it elsewhere", out, d)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return Summary{}, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	bw := bufio.NewWriterSize(tmp, 1<<20)
	sum, err := Write(bw, p, opts)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), fileMode)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), abs)
	}
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", out, err)
	}
	return sum, nil
}

// checkOptions refuses a base folder name that is not one plain segment
// and a date a zip cannot carry.
func checkOptions(opts Options) error {
	if err := checkName(opts.Name); err != nil || strings.Contains(opts.Name, "/") {
		return fmt.Errorf("bag name %q: one folder name, no / %% \\ or control characters", opts.Name)
	}
	if y := opts.Date.UTC().Year(); y < 1980 || y > 2107 {
		return fmt.Errorf("bag date %s: a zip holds dates from 1980 to 2107", opts.Date.Format(time.DateOnly))
	}
	return nil
}

// bagInfo formats bag-info.txt: the caller's elements, then Bagging-Date
// and Payload-Oxum.
func bagInfo(opts Options, sum Summary) (string, error) {
	fields := append(append([]Field(nil), opts.Info...),
		Field{"Bagging-Date", opts.Date.UTC().Format(time.DateOnly)},
		Field{"Payload-Oxum", fmt.Sprintf("%d.%d", sum.Bytes, sum.Files)})
	var b strings.Builder
	for _, f := range fields {
		if f.Label == "" || strings.ContainsAny(f.Label, ":\r\n") || strings.TrimSpace(f.Label) != f.Label {
			return "", fmt.Errorf("bag-info.txt: label %q: no colon, line break or surrounding space", f.Label)
		}
		if strings.ContainsAny(f.Value, "\r\n") {
			return "", fmt.Errorf("bag-info.txt: %s: the value must be one line", f.Label)
		}
		fmt.Fprintf(&b, "%s: %s\n", f.Label, f.Value)
	}
	return b.String(), nil
}

// zipper writes a bag's entries under its base folder, adding each folder
// entry before the first entry inside it.
type zipper struct {
	zw   *zip.Writer
	root string
	date time.Time
	dirs map[string]bool
	buf  []byte
	sha  hash.Hash
}

// header returns the fixed header of the entry name (relative to the base
// folder; "" is the base folder itself).
func (z *zipper) header(name string, dir bool) *zip.FileHeader {
	full := path.Join(z.root, name)
	h := &zip.FileHeader{Name: full, Method: zip.Deflate, Modified: z.date}
	if dir {
		h.Name += "/"
		h.Method = zip.Store
		h.SetMode(os.ModeDir | dirMode)
		return h
	}
	if stored[strings.ToLower(path.Ext(name))] {
		h.Method = zip.Store
	}
	h.SetMode(fileMode)
	return h
}

// stored are the extensions of files already compressed: deflating them
// again costs time and gains nothing.
var stored = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".woff": true, ".woff2": true, ".gz": true, ".br": true, ".zst": true, ".zip": true,
	".docx": true, ".xlsx": true, ".pptx": true, ".odt": true, ".mp4": true, ".mp3": true,
	".pdf": true, // Chromium compresses its streams and fonts already
}

// parents adds the folder entries of name's folders not yet written.
func (z *zipper) parents(name string) error {
	dir := path.Dir(name)
	if dir == "." {
		dir = ""
	}
	if z.dirs[dir] {
		return nil
	}
	if dir != "" {
		if err := z.parents(dir); err != nil {
			return err
		}
	}
	z.dirs[dir] = true
	_, err := z.zw.CreateHeader(z.header(dir, true))
	return err
}

// text writes a tag file and, when tagman is not nil, its manifest line.
func (z *zipper) text(name, text string, tagman *strings.Builder) error {
	if err := z.parents(name); err != nil {
		return err
	}
	w, err := z.zw.CreateHeader(z.header(name, false))
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, text); err != nil {
		return err
	}
	if tagman != nil {
		d := sha256.Sum256([]byte(text))
		fmt.Fprintf(tagman, "%s  %s\n", hex.EncodeToString(d[:]), name)
	}
	return nil
}

// file copies a payload file into the entry name and returns the SHA-256
// of the bytes written, which are the bytes the manifest vouches for.
func (z *zipper) file(name string, f File) (string, error) {
	if err := z.parents(name); err != nil {
		return "", err
	}
	w, err := z.zw.CreateHeader(z.header(name, false))
	if err != nil {
		return "", err
	}
	r, err := os.Open(f.Path)
	if err != nil {
		return "", err
	}
	defer r.Close()
	if z.sha == nil {
		z.sha, z.buf = sha256.New(), make([]byte, 256<<10)
	}
	z.sha.Reset()
	// Hide the file's WriteTo, which would allocate a buffer of its own.
	n, err := io.CopyBuffer(io.MultiWriter(w, z.sha), struct{ io.Reader }{r}, z.buf)
	if err != nil {
		return "", fmt.Errorf("%s: %w", f.Path, err)
	}
	if n != f.Size {
		return "", fmt.Errorf("%s: changed while the archive was written (%d bytes, then %d): run it again", f.Path, f.Size, n)
	}
	return hex.EncodeToString(z.sha.Sum(nil)), nil
}

// deflater compresses entries at flate's default level, the same level
// whatever archive/zip's own default becomes, reusing writers.
func deflater(w io.Writer) (io.WriteCloser, error) {
	fw, ok := flatePool.Get().(*flate.Writer)
	if ok {
		fw.Reset(w)
	} else {
		var err error
		if fw, err = flate.NewWriter(w, flate.DefaultCompression); err != nil {
			return nil, err
		}
	}
	return &pooledFlate{fw}, nil
}

var flatePool sync.Pool

// pooledFlate returns its writer to the pool when closed.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	p.Writer = nil
	return err
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

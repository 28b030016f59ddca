package bag

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Problem is one way a bag differs from what its manifests and bag-info.txt
// say. Name is the file's path in the bag (data/… for the payload).
type Problem struct {
	Kind   string // Missing, Extra, Altered, Damaged or Oxum
	Name   string
	Detail string
}

// The kinds of Problem.
const (
	Missing = "missing" // listed in a manifest, not in the bag
	Extra   = "extra"   // in the bag, listed in no manifest
	Altered = "altered" // its SHA-256 is not the manifest's
	Damaged = "damaged" // its bytes cannot be read back (a corrupt zip entry)
	Oxum    = "payload-oxum"
)

// Result is what Verify found.
type Result struct {
	Problems []Problem // sorted by name; empty when the bag is intact
	Files    int       // payload files checked against the manifest
	Bytes    int64     // their octets
}

// OK reports whether the bag is intact.
func (r *Result) OK() bool { return len(r.Problems) == 0 }

// Limits that keep a hostile bundle from exhausting memory or time.
const (
	maxTagFile = 64 << 20 // bytes of a tag file read into memory
	bombRatio  = 200      // declared uncompressed bytes per byte of zip …
	bombFloor  = 1 << 30  // … refused beyond this many declared bytes
)

// Verify checks the bag at path, a zip file or an unpacked folder: every
// payload file against manifest-sha256.txt, the tag files against
// tagmanifest-sha256.txt, and the Payload-Oxum. The bag is the zip's or
// folder's top level when bagit.txt is there, else its one folder holding
// bagit.txt. Nothing is extracted: zip entries are hashed as they are
// decompressed.
//
// A bag that cannot be checked at all is an error: not a zip or truncated,
// no bagit.txt or manifest, a bad manifest line, or an unsafe name — an
// absolute path, a .., a backslash, a symbolic link — which is refused
// before anything is read. Differences are the Result's Problems.
func Verify(p string) (*Result, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	var t *tree
	var closer io.Closer
	if info.IsDir() {
		t, closer, err = dirTree(p)
	} else {
		t, closer, err = zipTree(p, info.Size())
	}
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	res, err := t.check()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return res, nil
}

// member is a regular file of a bag, however it is stored.
type member struct {
	size int64
	open func() (io.ReadCloser, error)
}

// tree is a bag's files by name relative to its base folder, and the names
// found outside that folder.
type tree struct {
	files   map[string]member
	outside []string
}

// zipTree lists the entries of the zip file p, refusing every unsafe one.
func zipTree(p string, size int64) (*tree, io.Closer, error) {
	zr, err := zip.OpenReader(p)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are checked below, all of them
		if zr != nil {
			zr.Close()
		}
		return nil, nil, fmt.Errorf("%s: not a readable zip, truncated or damaged (%v)", p, err)
	}
	var unsafe []string
	var declared uint64
	files := map[string]member{}
	dirs := map[string]bool{}
	for _, f := range zr.File {
		name := strings.TrimSuffix(f.Name, "/")
		mode := f.Mode()
		isDir := strings.HasSuffix(f.Name, "/") || mode.IsDir()
		if err := unsafePath(name); err != nil {
			unsafe = append(unsafe, fmt.Sprintf("%q: %v", f.Name, err))
			continue
		}
		switch {
		case mode&fs.ModeSymlink != 0:
			unsafe = append(unsafe, fmt.Sprintf("%q: a symbolic link", f.Name))
			continue
		case !isDir && !mode.IsRegular():
			unsafe = append(unsafe, fmt.Sprintf("%q: not a regular file (%v)", f.Name, mode.Type()))
			continue
		case isDir:
			dirs[name] = true
			continue
		}
		if _, dup := files[name]; dup {
			unsafe = append(unsafe, fmt.Sprintf("%q: two entries with this name", f.Name))
			continue
		}
		declared += f.UncompressedSize64
		files[name] = member{int64(f.UncompressedSize64), f.Open}
	}
	for name := range files {
		if dirs[name] {
			unsafe = append(unsafe, fmt.Sprintf("%q: both a file and a folder", name))
		}
	}
	if len(unsafe) > 0 {
		zr.Close()
		sort.Strings(unsafe)
		return nil, nil, fmt.Errorf("%s: unsafe entries, refused (nothing was extracted):\n\t%s", p, strings.Join(unsafe, "\n\t"))
	}
	if declared > bombFloor && declared > bombRatio*uint64(size) {
		zr.Close()
		return nil, nil, fmt.Errorf("%s: its entries claim %d bytes from a %d-byte zip, refused as a likely zip bomb", p, declared, size)
	}
	t, err := rooted(files)
	if err != nil {
		zr.Close()
		return nil, nil, fmt.Errorf("%s: %w", p, err)
	}
	return t, zr, nil
}

// dirTree lists the files of the bag in the folder p — p itself when it
// holds bagit.txt, else its one subfolder that does — refusing symbolic
// links and other non-regular files. Files are opened through an os.Root:
// nothing outside the bag's folder can be reached.
func dirTree(p string) (*tree, io.Closer, error) {
	base := p
	if _, err := os.Lstat(filepath.Join(p, bagitTxt)); err != nil {
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, err
		}
		var found []string
		for _, e := range entries {
			if _, err := os.Lstat(filepath.Join(p, e.Name(), bagitTxt)); e.IsDir() && err == nil {
				found = append(found, filepath.Join(p, e.Name()))
			}
		}
		if len(found) == 1 {
			base = found[0]
		}
	}
	root, err := os.OpenRoot(base)
	if err != nil {
		return nil, nil, err
	}
	t, err := rootTree(root)
	if err != nil {
		root.Close()
		return nil, nil, fmt.Errorf("%s: %w", base, err)
	}
	return t, root, nil
}

// rootTree lists the files under root.
func rootTree(root *os.Root) (*tree, error) {
	var unsafe []string
	files := map[string]member{}
	err := fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			unsafe = append(unsafe, fmt.Sprintf("%q: a symbolic link", name))
		case d.IsDir():
		case !d.Type().IsRegular():
			unsafe = append(unsafe, fmt.Sprintf("%q: not a regular file", name))
		default:
			info, err := d.Info()
			if err != nil {
				return err
			}
			files[name] = member{info.Size(), func() (io.ReadCloser, error) { return root.Open(name) }}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(unsafe) > 0 {
		return nil, fmt.Errorf("refused:\n\t%s", strings.Join(unsafe, "\n\t"))
	}
	return rooted(files)
}

// rooted finds the bag's base folder among files — the top level if it
// holds bagit.txt, else the one top folder that does — and names the files
// relative to it.
func rooted(files map[string]member) (*tree, error) {
	base := ""
	if _, ok := files[bagitTxt]; !ok {
		var found []string
		for name := range files {
			if dir, file, ok := strings.Cut(name, "/"); ok && file == bagitTxt {
				found = append(found, dir)
			}
		}
		if len(found) != 1 {
			return nil, fmt.Errorf("no %s at the top or in a single top folder: not a BagIt bag", bagitTxt)
		}
		base = found[0] + "/"
	}
	t := &tree{files: map[string]member{}}
	for name, m := range files {
		if rel, ok := strings.CutPrefix(name, base); ok {
			t.files[rel] = m
		} else {
			t.outside = append(t.outside, name)
		}
	}
	return t, nil
}

// readTag reads the tag file name into memory, at most maxTagFile bytes;
// ok is false when the bag has none.
func (t *tree) readTag(name string) (data []byte, ok bool, err error) {
	m, ok := t.files[name]
	if !ok {
		return nil, false, nil
	}
	if m.size > maxTagFile {
		return nil, true, fmt.Errorf("%s: %d bytes, more than a tag file may hold", name, m.size)
	}
	r, err := m.open()
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w", name, err)
	}
	defer r.Close()
	data, err = io.ReadAll(io.LimitReader(r, maxTagFile+1))
	if err == nil && len(data) > maxTagFile {
		err = errors.New("more than a tag file may hold")
	}
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w", name, err)
	}
	return data, true, nil
}

// manifests reads bagit.txt and the two manifests: what the bag vouches
// for, payload first.
func (t *tree) manifests() (payload, tags []entry, tagman bool, err error) {
	decl, ok, err := t.readTag(bagitTxt)
	if err != nil {
		return nil, nil, false, err
	}
	if !ok {
		return nil, nil, false, fmt.Errorf("no %s: not a BagIt bag", bagitTxt)
	}
	if err := checkDeclaration(decl); err != nil {
		return nil, nil, false, err
	}
	data, ok, err := t.readTag(manifestTxt)
	if err != nil {
		return nil, nil, false, err
	}
	if !ok {
		return nil, nil, false, fmt.Errorf("no %s: govreport checks SHA-256 bags", manifestTxt)
	}
	if payload, err = parseManifest(manifestTxt, data, true); err != nil {
		return nil, nil, false, err
	}
	data, tagman, err = t.readTag(tagmanTxt)
	if err != nil {
		return nil, nil, false, err
	}
	if tagman {
		if tags, err = parseManifest(tagmanTxt, data, false); err != nil {
			return nil, nil, false, err
		}
	}
	return payload, tags, tagman, nil
}

// check compares the bag with its manifests and Payload-Oxum.
func (t *tree) check() (*Result, error) {
	payload, tags, tagman, err := t.manifests()
	if err != nil {
		return nil, err
	}
	info, _, err := t.readTag(bagInfoTxt)
	if err != nil {
		return nil, err
	}
	want, hasOxum, err := payloadOxum(info)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	res.extras(t, payload, tags, tagman)
	var have oxum
	for name, m := range t.files {
		if strings.HasPrefix(name, payloadDir+"/") {
			have.bytes += m.size
			have.files++
		}
	}
	if hasOxum && have != want {
		res.add(Oxum, bagInfoTxt, fmt.Sprintf("Payload-Oxum says %s (octets.files), the payload holds %s", want, have))
	}
	buf := make([]byte, 256<<10)
	for _, e := range append(payload, tags...) {
		n, ok := res.compare(t, e, buf)
		if ok && strings.HasPrefix(e.name, payloadDir+"/") {
			res.Files++
			res.Bytes += n
		}
	}
	sort.SliceStable(res.Problems, func(i, j int) bool { return lessPath(res.Problems[i].Name, res.Problems[j].Name) })
	return res, nil
}

// extras reports the files no manifest lists: under data/ for the payload
// manifest; elsewhere for the tag manifest, when the bag has one (the tag
// manifest itself excepted); and whatever lies outside the bag's folder.
func (r *Result) extras(t *tree, payload, tags []entry, tagman bool) {
	listed := map[string]bool{tagmanTxt: true}
	for _, e := range append(payload, tags...) {
		listed[e.name] = true
	}
	for name := range t.files {
		if listed[name] || !tagman && !strings.HasPrefix(name, payloadDir+"/") {
			continue
		}
		r.add(Extra, name, "listed in no manifest")
	}
	for _, name := range t.outside {
		r.add(Extra, name, "outside the bag's folder")
	}
}

// compare hashes the file of e, streaming through buf, and records how it
// differs; ok says it was read whole, n is its size.
func (r *Result) compare(t *tree, e entry, buf []byte) (n int64, ok bool) {
	src := manifestTxt
	if !strings.HasPrefix(e.name, payloadDir+"/") {
		src = tagmanTxt
	}
	m, found := t.files[e.name]
	if !found {
		r.add(Missing, e.name, fmt.Sprintf("listed in %s line %d", src, e.line))
		return 0, false
	}
	f, err := m.open()
	if err != nil {
		r.add(Damaged, e.name, err.Error())
		return 0, false
	}
	defer f.Close()
	h := sha256.New()
	n, err = io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
	if err != nil {
		r.add(Damaged, e.name, fmt.Sprintf("cannot be read back: %v", err))
		return n, false
	}
	if !bytes.Equal(h.Sum(nil), e.digest) {
		r.add(Altered, e.name, fmt.Sprintf("its SHA-256 is not the one in %s line %d", src, e.line))
	}
	return n, true
}

func (r *Result) add(kind, name, detail string) {
	r.Problems = append(r.Problems, Problem{kind, name, detail})
}

// String formats a problem as "kind name: detail".
func (p Problem) String() string {
	return fmt.Sprintf("%s %s: %s", p.Kind, p.Name, p.Detail)
}

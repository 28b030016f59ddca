// Package bag writes and verifies BagIt bags (RFC 8493) packed in a zip, so
// that a publication can prove years later that nothing in it changed.
//
// A bag written here is a zip holding one base folder:
//
//	<name>/bag-info.txt            Source-Organization, Bagging-Date, Payload-Oxum …
//	<name>/bagit.txt               BagIt-Version: 1.0, Tag-File-Character-Encoding: UTF-8
//	<name>/data/…                  the payload
//	<name>/manifest-sha256.txt     "<sha256>  data/…", one line per payload file
//	<name>/tagmanifest-sha256.txt  the same for the three tag files above
//
// The manifest lines are valid BagIt and valid sha256sum input at once: a
// lowercase hex digest, two spaces, the path. Names that the two formats
// would write differently (a %, a backslash, a control character) are
// refused when the bag is made, so an unpacked bag checks with plain
// `sha256sum -c manifest-sha256.txt` run in its folder.
//
// The package knows files and checksums only, nothing of what they hold.
package bag

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// File is one payload file: Name is its path under the bag's data/ folder,
// slash-separated; Path is where it is read from; Size is its size when it
// was listed (the bag is refused if the file changes before it is packed).
type File struct {
	Name string
	Path string
	Size int64
}

// Payload is the set of files a bag carries, and the folders they were
// listed from (an archive must not be written into one of them).
type Payload struct {
	Files []File
	Dirs  []string // absolute
}

// AddDir lists every regular file under dir as a payload file named
// prefix/<path under dir>. A symbolic link or any other non-regular file is
// refused, as is a name that cannot be written the same way in a BagIt
// manifest and in sha256sum input.
func (p *Payload) AddDir(dir, prefix string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := checkName(prefix); err != nil {
		return fmt.Errorf("payload folder %q: %w", prefix, err)
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file (a symbolic link, a device …): the archive holds regular files only; replace it with the file itself or remove it", path)
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := prefix + "/" + filepath.ToSlash(rel)
		if err := checkName(name); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		p.Files = append(p.Files, File{Name: name, Path: path, Size: info.Size()})
		return nil
	})
	if err != nil {
		return err
	}
	p.Dirs = append(p.Dirs, abs)
	return nil
}

// sortFiles orders files as the zip and the manifest list them, and
// refuses a name given twice.
func (p *Payload) sortFiles() error {
	sort.Slice(p.Files, func(i, j int) bool { return lessPath(p.Files[i].Name, p.Files[j].Name) })
	for i := 1; i < len(p.Files); i++ {
		if p.Files[i].Name == p.Files[i-1].Name {
			return fmt.Errorf("data/%s: listed twice (from %s and %s)", p.Files[i].Name, p.Files[i-1].Path, p.Files[i].Path)
		}
	}
	return nil
}

// lessPath orders slash-separated paths segment by segment, so that a
// folder's files follow the folder (a/b before a-b/c), bytewise within a
// segment: the order does not depend on the locale.
func lessPath(a, b string) bool {
	for {
		as, arest, amore := strings.Cut(a, "/")
		bs, brest, bmore := strings.Cut(b, "/")
		if as != bs {
			return as < bs
		}
		if !amore || !bmore {
			return !amore && bmore // a file before a deeper path with the same name
		}
		a, b = arest, brest
	}
}

// checkName refuses a payload name that a BagIt manifest and sha256sum
// would write differently, or that is not a plain relative path.
func checkName(name string) error {
	if !utf8.ValidString(name) {
		return fmt.Errorf("the name is not UTF-8: rename the file")
	}
	for _, r := range name {
		switch {
		case r == '%' || r == '\\':
			return fmt.Errorf("the name holds %q, which a BagIt manifest and sha256sum write differently: rename the file", r)
		case r < 0x20 || r == 0x7f:
			return fmt.Errorf("the name holds a control character (%U): rename the file", r)
		}
	}
	return unsafePath(name)
}

// unsafePath says why a slash-separated name could reach outside the
// folder it is read or unpacked in (an absolute path, a drive letter, a
// backslash, an empty, "." or ".." segment), or returns nil.
func unsafePath(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("an empty path")
	case strings.HasPrefix(name, "/"):
		return fmt.Errorf("an absolute path")
	case strings.Contains(name, "\\"):
		return fmt.Errorf("a backslash in the path")
	case len(name) >= 2 && name[1] == ':':
		return fmt.Errorf("a drive letter in the path")
	case strings.ContainsRune(name, 0):
		return fmt.Errorf("a NUL byte in the path")
	}
	for _, seg := range strings.Split(name, "/") {
		switch seg {
		case "..":
			return fmt.Errorf("a .. in the path")
		case "", ".":
			return fmt.Errorf("an empty or . segment in the path")
		}
	}
	return nil
}

// inside reports whether path is dir or lies below it.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve returns path absolute, with the symbolic links of its existing
// folders resolved, so that a link to a bagged folder is seen for what it
// is.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dir, rest := filepath.Dir(abs), filepath.Base(abs)
	for {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		dir, rest = parent, filepath.Join(filepath.Base(dir), rest)
	}
}

// resolveDir is resolve for a folder that exists.
func resolveDir(dir string) string {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return r
	}
	return dir
}

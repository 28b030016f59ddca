package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// A build remembers, for each output folder it published, what made each
// file (a key: the hash of everything the file depends on) and the file's
// size and modification time as published. The next build reuses a file
// whose key is unchanged and which is still as published, by linking it
// into the new site; everything else is made again. A file changed by
// hand, or any input changed, so never survives into a build that would
// have made it otherwise.

// manifest is what a build remembers of one output folder.
type manifest struct {
	Out   string               // the output folder, absolute
	Input string               // the key of all inputs: equal means nothing to do
	Files map[string]fileEntry // by path in the site, with /
	Data  map[string]string    // stamps of data/indicators as written
}

// fileEntry is one published file.
type fileEntry struct {
	Key   string
	Size  int64
	MTime int64
	// linked says the file was linked from the last site, whose stamp it
	// keeps: stampAll need not look at it again.
	linked bool
}

// manifestPath is where the project keeps the manifest of out.
func manifestPath(root, out string) string {
	sum := sha256.Sum256([]byte(out))
	return filepath.Join(root, stateDir, "out-"+hex.EncodeToString(sum[:8])+".gob")
}

// readManifest returns the manifest of out, or an empty one.
func readManifest(root, out string) *manifest {
	m := &manifest{Out: out, Files: map[string]fileEntry{}}
	data, err := os.ReadFile(manifestPath(root, out))
	if err != nil || gob.NewDecoder(bytes.NewReader(data)).Decode(m) != nil || m.Out != out {
		return &manifest{Out: out, Files: map[string]fileEntry{}}
	}
	return m
}

// published reports whether this project published out before.
func published(root, out string) bool {
	_, err := os.Stat(manifestPath(root, out))
	return err == nil
}

// save writes the manifest, stamping each file as it now is in out.
// It is gob, not JSON: an archive's site has tens of thousands of files,
// and the manifest is read and written on every build.
func (m *manifest) save(root string) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(m); err != nil {
		return err
	}
	return WriteFile(manifestPath(root, m.Out), b.Bytes())
}

// intact reports whether out holds exactly the files of the manifest, each
// as published (size and modification time).
func (m *manifest) intact() bool {
	if len(m.Files) == 0 {
		return false
	}
	rels, odd, err := listTree(m.Out, nil)
	if err != nil || len(odd) > 0 || len(rels) != len(m.Files) {
		return false
	}
	for _, rel := range rels {
		if _, known := m.Files[rel]; !known {
			return false
		}
	}
	changed := make([]bool, len(rels))
	parallelIO(len(rels), func(i int) {
		e := m.Files[rels[i]]
		info, err := os.Lstat(filepath.Join(m.Out, filepath.FromSlash(rels[i])))
		changed[i] = err != nil || info.Size() != e.Size || info.ModTime().UnixNano() != e.MTime
	})
	return !slices.Contains(changed, true)
}

// reusable returns the path of rel in the old site when it was made with
// key and is still as published there, or "".
func (m *manifest) reusable(rel, key string) string {
	e, ok := m.Files[rel]
	if !ok || e.Key != key {
		return ""
	}
	p := filepath.Join(m.Out, filepath.FromSlash(rel))
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != e.Size || info.ModTime().UnixNano() != e.MTime {
		return ""
	}
	return p
}

// stampAll records size and modification time of every file of the
// manifest as it is in dir, and drops entries whose file is not there.
func (m *manifest) stampAll(dir string) {
	for rel, e := range m.Files {
		if e.linked {
			continue
		}
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			delete(m.Files, rel)
			continue
		}
		e.Size, e.MTime = info.Size(), info.ModTime().UnixNano()
		m.Files[rel] = e
	}
}

// linkOrCopy puts a copy of the file from at to: a hard link where the
// file system allows (the old site it comes from is removed once the new
// one is published), else a copy.
func linkOrCopy(from, to string) error {
	err := os.Link(from, to)
	if errors.Is(err, fs.ErrNotExist) { // its folder is not made yet
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		err = os.Link(from, to)
	}
	if err == nil {
		return nil
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// keyOf hashes its parts into a key; each part is length-prefixed, so
// no two different lists of parts give the same key.
func keyOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		io.WriteString(h, p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// treeHash hashes the names and contents of every file under each of the
// paths (files or folders, missing ones included as missing), skipping
// paths for which skip returns true.
func treeHash(h hash.Hash, skip func(rel string) bool, paths ...string) error {
	for _, top := range paths {
		fmt.Fprintf(h, "tree %s\n", top)
		err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == top {
				return nil
			}
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(top, p)
			if skip != nil && skip(filepath.ToSlash(rel)) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "file %s %d\n", filepath.ToSlash(rel), len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

var (
	versionOnce sync.Once
	version     string
	// versionForTest, when set, is Version: a test's stand-in for another
	// build of the program.
	versionForTest string
)

// Version identifies the govreport program that runs: the hash of its
// executable, so that outputs made by another build of the code are never
// reused, whatever its version control says.
func Version() string {
	if versionForTest != "" {
		return versionForTest
	}
	versionOnce.Do(func() {
		version = "unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			version = hex.EncodeToString(h.Sum(nil))
		}
	})
	return version
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// slashRel returns p relative to dir, with forward slashes.
func slashRel(dir, p string) string {
	rel, _ := filepath.Rel(dir, p)
	return strings.ReplaceAll(filepath.ToSlash(rel), "\\", "/")
}

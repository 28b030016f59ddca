// Package testcorpus gives tests every report input the repository holds:
// the seed, the quirks corpus and the .docx made by real producers, so that
// each invariant is checked on all of them.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/txtar"
)

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Inputs returns every test input by name: "seed", each quirks case's
// input.txt (by file name) and each .docx in internal/source/testdata.
func Inputs() (map[string][]byte, error) {
	root := Root()
	seed, err := os.ReadFile(filepath.Join(root, "sources", "000_08af8ba22e60be61.txt"))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{"seed": seed}
	docx, _ := filepath.Glob(filepath.Join(root, "internal", "source", "testdata", "docx", "*.docx"))
	for _, f := range docx {
		if out[filepath.Base(f)], err = os.ReadFile(f); err != nil {
			return nil, err
		}
	}
	cases, _ := filepath.Glob(filepath.Join(root, "internal", "outline", "testdata", "quirks", "*.txtar"))
	for _, f := range cases {
		sec, err := Sections(f)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(f)] = []byte(sec["input.txt"])
	}
	return out, nil
}

// Sections reads a txtar case file into its sections by name
// (input.txt, outline, lint …).
func Sections(path string) (map[string]string, error) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	sec := map[string]string{}
	for _, f := range ar.Files {
		sec[f.Name] = string(f.Data)
	}
	return sec, nil
}

// IsDocx reports whether an input name is a .docx file.
func IsDocx(name string) bool { return strings.HasSuffix(name, ".docx") }

// SeedSource is the seed report's file name in sources/.
const SeedSource = "000_08af8ba22e60be61.txt"

// Project lays out a govreport project in dir from the repository's site
// files — config.toml, layouts/ and static/ — with the seed in sources/
// when withSeed is true, for tests that build a real site.
func Project(dir string, withSeed bool) error {
	root := Root()
	for _, d := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			return err
		}
	}
	files := []string{"config.toml"}
	if withSeed {
		files = append(files, filepath.Join("sources", SeedSource))
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

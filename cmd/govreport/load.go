package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
)

// isContent reports whether path is a Markdown content file rather than a
// source to import.
func isContent(path string) bool { return strings.EqualFold(filepath.Ext(path), ".md") }

// load reads a report from a source file (.txt, .docx …) or from Markdown
// content, with the findings about it; line numbers refer to that file.
func load(path string) (*report.Doc, []report.Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if isContent(path) {
		doc, err := markdown.Parse(path, data)
		if err != nil {
			return nil, nil, err
		}
		fs := outline.Normalize(doc)
		fs = append(fs, outline.Check(doc)...)
		report.SortFindings(fs)
		return doc, fs, nil
	}
	return outline.Import(path, data)
}

// files lists the report files at path: path itself, or the content and
// source files below a directory, sorted.
func files(path string, keep func(string) bool) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && keep(p) {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// isReportFile keeps Markdown content and the source formats import reads.
func isReportFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".md", ".txt", ".docx":
		return !strings.EqualFold(filepath.Base(p), "_index.md")
	}
	return false
}

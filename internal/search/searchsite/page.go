// Package searchsite renders the search page for tests and measurements,
// apart from internal/search/searchtest so that the search package's own tests
// do not import the site build.
package searchsite

import (
	"context"
	"os"
	"path/filepath"

	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

// SearchPage renders the search page (content/search.md with
// layouts/search.html) from the repository's site files with Hugo, and
// puts it into the built site pub as search.html: for tests and
// measurements until the build renders it itself.
func SearchPage(pub string) error {
	dir, err := os.MkdirTemp("", "govreport-searchpage-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := testcorpus.Project(dir, false); err != nil {
		return err
	}
	page, err := os.ReadFile(filepath.Join(testcorpus.Root(), "content", "search.md"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "search.md"), page, 0o644); err != nil {
		return err
	}
	out := filepath.Join(dir, "public")
	if err := site.Hugo(context.Background(), site.Options{Root: dir, Dest: out}); err != nil {
		return err
	}
	html, err := os.ReadFile(filepath.Join(out, "search.html"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(pub, "search.html"), html, 0o644)
}

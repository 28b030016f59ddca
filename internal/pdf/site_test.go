package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReports(t *testing.T) {
	pub := t.TempDir()
	for _, s := range []string{"2023-qs-zhen", "2022-bh-xian"} {
		os.MkdirAll(filepath.Join(pub, "reports", s), 0o755)
		os.WriteFile(PrintPage(pub, s), []byte("<html>"), 0o644)
	}
	os.MkdirAll(filepath.Join(pub, "reports", "css"), 0o755) // no print version: not a report
	got, err := Reports(pub)
	if want := []string{"2022-bh-xian", "2023-qs-zhen"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Reports = %v, %v; want %v", got, err, want)
	}
	if _, err := Reports(filepath.Join(pub, "nothing")); err == nil || !strings.Contains(err.Error(), "govreport build") {
		t.Errorf("an unbuilt site: %v", err)
	}
}

// TestPrintSiteRefuses: bad requests fail before a browser starts, naming
// what to do.
func TestPrintSiteRefuses(t *testing.T) {
	pub := t.TempDir()
	os.MkdirAll(filepath.Join(pub, "reports", "2023-qs-zhen"), 0o755)
	os.WriteFile(PrintPage(pub, "2023-qs-zhen"), []byte("<html>"), 0o644)
	t.Setenv("CHROME_PATH", filepath.Join(pub, "no-such-browser"))
	for _, c := range []struct {
		slugs []string
		want  string
	}{
		{[]string{"../etc"}, "not a report slug"},
		{[]string{"2021-none"}, "no print version"},
		{[]string{"2023-qs-zhen"}, "apt-get install chromium"},
	} {
		err := PrintSite(context.Background(), pub, c.slugs, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one saying %q", c.slugs, err, c.want)
		}
	}
	if err := PrintSite(context.Background(), pub, nil, Options{}); !errors.Is(err, ErrNoChromium) {
		t.Errorf("no browser: %v, want ErrNoChromium", err)
	}
	if _, err := os.Stat(PDFPath(pub, "2023-qs-zhen")); err == nil {
		t.Error("a PDF was written")
	}
}

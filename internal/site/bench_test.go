package site

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// seedRoot makes a project in a temp dir from the repository's config,
// layouts and static files, with the seed report imported and its data
// written, so that Hugo alone and the whole build see the same content.
func seedRoot(tb testing.TB) string {
	tb.Helper()
	root := tb.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		tb.Fatal(err)
	}
	// One build imports the seed and writes data/, so content is finished.
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		tb.Fatal(err)
	}
	return root
}

// BenchmarkBuild is govreport build on the seed: read content, anchors,
// indicators and data files, Hugo, downloads, minify, atomic publish.
func BenchmarkBuild(b *testing.B) {
	root := seedRoot(b)
	out := filepath.Join(root, "public")
	b.ReportAllocs()
	for b.Loop() {
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHugoOnly is Hugo alone on the same finished content: the
// budget is that BenchmarkBuild takes at most twice as long.
func BenchmarkHugoOnly(b *testing.B) {
	root := seedRoot(b)
	b.ReportAllocs()
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		if err := Hugo(context.Background(), Options{Root: root, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

// Package synth makes govreport projects of many synthetic reports for
// benchmarks and scale tests: copies of the repository's reports under
// made-up places and years, with their figures varied, so that place pages,
// cross-year tables and search see realistic, distinct text. Not part of
// the product; tools/synth is its command.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/report"
)

// Seed is the content file of the repository's seed report, which the
// issue's scale figures are measured on: copies of it.
const Seed = "content/reports/2023-xx-zhen/index.md"

// Project writes a project of n reports into out, which must not exist:
// repo's config.toml, layouts/ and static/, and n reports in
// content/reports/<slug>/index.md (already imported, so a build measures
// the build, not the import), years consecutive years per place, made
// from the seed (a town's report of about 14 KB). The same arguments give
// the same project.
func Project(repo, out string, n, years int) error {
	return ProjectOf(repo, out, n, years, []string{Seed})
}

// ProjectOf is Project with copies of the given reports (content files,
// relative to repo; nil: every report of repo's content/reports), in turn.
func ProjectOf(repo, out string, n, years int, bases []string) error {
	return run(repo, out, n, years, bases)
}

func run(repo, out string, n, years int, bases []string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	for _, d := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(out, d), os.DirFS(filepath.Join(repo, d))); err != nil {
			return err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(repo, "config.toml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "config.toml"), cfg, 0o644); err != nil {
		return err
	}
	docs, err := readBases(repo, bases)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		place := placeName(i / years)
		year := 2025 - i%years
		doc := vary(docs[i%len(docs)], place, year, rng)
		doc.Meta.Slug = fmt.Sprintf("%d-place%05d", year, i/years)
		dir := filepath.Join(out, "content", "reports", doc.Meta.Slug)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "index.md"), markdown.Write(doc), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// readBases reads the repository's reports.
func readBases(repo string, bases []string) ([]*report.Doc, error) {
	var paths []string
	for _, b := range bases {
		paths = append(paths, filepath.Join(repo, filepath.FromSlash(b)))
	}
	if bases == nil {
		paths, _ = filepath.Glob(filepath.Join(repo, "content", "reports", "*", "index.md"))
	}
	var docs []*report.Doc
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		d, err := markdown.Parse(p, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no reports in %s/content/reports", repo)
	}
	return docs, nil
}

var (
	first  = []rune("青白红金石桥河山林东西南北上下新古平安和兴长永丰宁龙凤")
	second = []rune("山河水泉岭湾港坪塘桥庄田岗溪湖川原峰岩林")
	suffix = []string{"镇", "乡", "街道", "镇", "镇"}
)

// placeName is the i-th made-up place: two characters and a suffix, with a
// number when the combinations run out.
func placeName(i int) string {
	a, b := first[i%len(first)], second[(i/len(first))%len(second)]
	name := string([]rune{a, b})
	if k := i / (len(first) * len(second)); k > 0 {
		name += strconv.Itoa(k)
	}
	return name + suffix[i%len(suffix)]
}

var (
	number = regexp.MustCompile(`\d+(?:\.\d+)?`)
	xx     = regexp.MustCompile(`XX|xx`)
	year4  = regexp.MustCompile(`^(19|20)\d\d$`)
)

// vary copies base as the report of place for year, with figures varied.
func vary(base *report.Doc, place string, year int, rng *rand.Rand) *report.Doc {
	d := &report.Doc{Meta: base.Meta}
	old := base.Meta.Place
	shift := year - base.Meta.Year // the text's years move with the report's
	d.Meta.Place = place
	d.Meta.Year = year
	d.Meta.Title = fmt.Sprintf("%d年%s政府工作报告", year, place)
	if base.Meta.Year == 0 {
		shift = 0
	}
	d.Meta.Date = fmt.Sprintf("%d-01-%02d", year+1, 10+rng.IntN(18))
	d.Meta.Source = ""
	fill := rng.IntN(2) == 0 // half the reports state their figures
	for _, b := range base.Blocks {
		b.Lead = varyText(b.Lead, old, place, shift, fill, rng)
		b.Text = varyText(b.Text, old, place, shift, fill, rng)
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

func varyText(s, old, place string, shift int, fill bool, rng *rand.Rand) string {
	if old != "" {
		s = strings.ReplaceAll(s, old, place)
	}
	s = number.ReplaceAllStringFunc(s, func(m string) string {
		if year4.MatchString(m) {
			y, _ := strconv.Atoi(m)
			return strconv.Itoa(y + shift)
		}
		f, _ := strconv.ParseFloat(m, 64)
		f *= 0.8 + 0.4*rng.Float64()
		if strings.Contains(m, ".") {
			return strconv.FormatFloat(f, 'f', len(m)-strings.Index(m, ".")-1, 64)
		}
		return strconv.Itoa(max(1, int(f)))
	})
	if fill {
		s = xx.ReplaceAllStringFunc(s, func(string) string { return strconv.Itoa(10 + rng.IntN(9000)) })
	}
	return s
}

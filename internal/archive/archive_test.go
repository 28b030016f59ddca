package archive

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

func TestPlaceName(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for no place
	}{
		{"青山镇", "青山镇"},
		{"青山鎮", "青山镇"},     // Traditional script
		{"青山 镇", "青山镇"},    // spaced out
		{"青山　镇", "青山镇"},    // an ideographic space
		{"长沙县人民政府", "长沙县"}, // the organ after the place's kind
		{"长沙县政府", "长沙县"},
		{"东湖街道办事处", "东湖街道"},
		{"青山乡", "青山乡"}, // not 青山镇: another government
		{"国务院", "国务院"}, // no kind of place: kept as written
		{"长沙人民政府", "长沙人民政府"},
		{"XX镇", ""},
		{"xx街道", ""},
		{"**县", ""},
		{"××乡", ""},
		{"某镇", ""},
		{"○○乡", ""},
		{"", ""},
		{"镇人民政府", ""},
		{"人民政府", ""},
		{"镇", ""},
	}
	for _, tt := range tests {
		got, ok := placeName(tt.in)
		if tt.want == "" && ok || tt.want != "" && got != tt.want {
			t.Errorf("placeName(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// meta makes the front matter of a made-up report: place, year, date and
// slug are all an index reads.
func meta(place string, year int, date, slug string) report.Meta {
	return report.Meta{Place: place, Year: year, Date: date, Slug: slug, Title: strconv.Itoa(year) + "年" + place + "政府工作报告"}
}

func slugs(ms []report.Meta) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.Slug)
	}
	return strings.Join(s, " ")
}

func TestNewIndex(t *testing.T) {
	metas := []report.Meta{
		meta("青山镇", 2022, "2023-01-18", "2022-qingshan-zhen"),
		meta("XX镇", 2023, "2024-01-20", "2023-xx-zhen"),
		meta("白河县人民政府", 2023, "2024-02-20", "2023-baihe-xian-b"),
		meta("青山镇", 2021, "2022-01-20", "2021-qingshan-zhen"),
		meta("清山镇", 2022, "2023-01-05", "2022-qingshan-zhen-b"), // reads as 青山镇
		meta("青山鎮", 2023, "2024-01-16", "2023-qingshan-zhen"),
		meta("白河县", 2023, "2024-01-10", "2023-baihe-xian"),
		meta("XX镇", 2023, "2024-01-27", "2023-xx-zhen-b"), // another town withheld
		meta("**县", 2022, "2023-01-09", "2022-county"),
		meta("", 2021, "", "2021-report"),
		meta("白河县", 2022, "2023-01-12", "2022-baihe-xian"),
		meta("青山镇", 0, "", "undated-qingshan"),
	}
	ix := NewIndex(metas)

	type place struct{ name, slug, spellings, reports string }
	var got []place
	for _, p := range ix.Places {
		got = append(got, place{p.Name, p.Slug, strings.Join(p.Spellings, " "), slugs(p.Reports)})
	}
	want := []place{
		{"白河县", "baihe-xian", "白河县人民政府", "2022-baihe-xian 2023-baihe-xian 2023-baihe-xian-b"},
		{"青山镇", "qingshan-zhen", "青山鎮", "2021-qingshan-zhen 2022-qingshan-zhen 2023-qingshan-zhen undated-qingshan"},
		{"清山镇", "qingshan-zhen-2", "", "2022-qingshan-zhen-b"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("places:\n got %v\nwant %v", got, want)
	}
	if s := slugs(ix.Unplaced); s != "2021-report 2022-county 2023-xx-zhen 2023-xx-zhen-b" {
		t.Errorf("unplaced: %s", s)
	}
	var years []string
	for _, y := range ix.Years {
		years = append(years, strconv.Itoa(y.Year)+": "+slugs(y.Reports))
	}
	wantYears := []string{
		"2023: 2023-baihe-xian 2023-baihe-xian-b 2023-qingshan-zhen 2023-xx-zhen 2023-xx-zhen-b",
		"2022: 2022-baihe-xian 2022-qingshan-zhen 2022-qingshan-zhen-b 2022-county",
		"2021: 2021-qingshan-zhen 2021-report",
		"0: undated-qingshan",
	}
	if !slices.Equal(years, wantYears) {
		t.Errorf("years:\n got %q\nwant %q", years, wantYears)
	}
	if p := ix.PlaceOf("qingshan-zhen-2"); p == nil || p.Name != "清山镇" {
		t.Errorf("PlaceOf(qingshan-zhen-2) = %v", p)
	}
	if p := ix.PlaceOf("xx-zhen"); p != nil {
		t.Errorf("a withheld place has a page: %v", p)
	}
	if p := ix.PlaceFor("2023-baihe-xian-b"); p == nil || p.Slug != "baihe-xian" {
		t.Errorf("PlaceFor(2023-baihe-xian-b) = %v", p)
	}
	if p := ix.PlaceFor("2023-xx-zhen"); p != nil {
		t.Errorf("PlaceFor(2023-xx-zhen) = %v, want nil", p)
	}
}

func TestNewIndexEmpty(t *testing.T) {
	ix := NewIndex(nil)
	if len(ix.Places) != 0 || len(ix.Years) != 0 || len(ix.Unplaced) != 0 || ix.PlaceOf("x") != nil {
		t.Errorf("empty index: %+v", ix)
	}
	if p, n := ix.Neighbours("x"); p != nil || n != nil {
		t.Errorf("neighbours in an empty index: %v %v", p, n)
	}
}

// TestSlugCollisions: places whose names read the same share a base; the
// one with the earliest report keeps it, whatever order the reports come in.
func TestSlugCollisions(t *testing.T) {
	tests := []struct {
		name  string
		metas []report.Meta
		want  map[string]string // place → slug
	}{
		{"earlier year keeps the base", []report.Meta{
			meta("清山镇", 2022, "2023-01-05", "a"), meta("青山镇", 2021, "2022-01-20", "b"),
		}, map[string]string{"青山镇": "qingshan-zhen", "清山镇": "qingshan-zhen-2"}},
		{"the other way round", []report.Meta{
			meta("青山镇", 2023, "2024-01-05", "a"), meta("清山镇", 2022, "2023-01-20", "b"),
		}, map[string]string{"清山镇": "qingshan-zhen", "青山镇": "qingshan-zhen-2"}},
		{"same year: the earlier date", []report.Meta{
			meta("青山镇", 2022, "2023-01-20", "a"), meta("清山镇", 2022, "2023-01-05", "b"),
		}, map[string]string{"清山镇": "qingshan-zhen", "青山镇": "qingshan-zhen-2"}},
		{"three homophones", []report.Meta{
			meta("青山镇", 2020, "", "a"), meta("清山镇", 2021, "", "b"), meta("轻山镇", 2022, "", "c"),
		}, map[string]string{"青山镇": "qingshan-zhen", "清山镇": "qingshan-zhen-2", "轻山镇": "qingshan-zhen-3"}},
		{"same pinyin, other kind: no collision", []report.Meta{
			meta("青山镇", 2020, "", "a"), meta("青山乡", 2021, "", "b"),
		}, map[string]string{"青山镇": "qingshan-zhen", "青山乡": "qingshan-xiang"}},
		{"a later report of a homophone changes nothing", []report.Meta{
			meta("青山镇", 2021, "", "a"), meta("清山镇", 2022, "", "b"), meta("清山镇", 2024, "", "c"),
		}, map[string]string{"青山镇": "qingshan-zhen", "清山镇": "qingshan-zhen-2"}},
	}
	for _, tt := range tests {
		for _, order := range [][]report.Meta{tt.metas, reversed(tt.metas)} {
			ix := NewIndex(order)
			got := map[string]string{}
			for _, p := range ix.Places {
				got[p.Name] = p.Slug
			}
			if len(got) != len(tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			}
			for name, slug := range tt.want {
				if got[name] != slug {
					t.Errorf("%s: %s has slug %q, want %q", tt.name, name, got[name], slug)
				}
			}
		}
	}
}

func reversed[T any](s []T) []T {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

func TestNeighbours(t *testing.T) {
	ix := NewIndex([]report.Meta{
		meta("白河县", 2024, "2025-01-09", "2024-baihe"),
		meta("白河县", 2023, "2024-02-20", "2023-baihe-b"),
		meta("白河县", 2022, "2023-01-12", "2022-baihe"),
		meta("白河县", 2023, "2024-01-10", "2023-baihe"),
		meta("白河县", 2020, "2021-01-10", "2020-baihe"), // 2021 is missing
		meta("青山镇", 2023, "2024-01-16", "2023-qingshan"),
		meta("XX镇", 2022, "2023-01-20", "2022-xx"),
		meta("XX镇", 2023, "2024-01-20", "2023-xx"),
		meta("白河县", 0, "", "undated-baihe"), // no year known
	})
	tests := []struct{ slug, prev, next string }{
		{"2020-baihe", "", "2022-baihe"}, // not the undated one
		{"undated-baihe", "", ""},
		{"2022-baihe", "2020-baihe", "2023-baihe"},   // the earliest of the next year
		{"2023-baihe", "2022-baihe", "2024-baihe"},   // not the other 2023 report
		{"2023-baihe-b", "2022-baihe", "2024-baihe"}, //
		{"2024-baihe", "2023-baihe-b", ""},           // the latest of the year before
		{"2023-qingshan", "", ""},                    // alone
		{"2023-xx", "", ""},                          // withheld places are never one place
		{"no-such-report", "", ""},
	}
	for _, tt := range tests {
		p, n := ix.Neighbours(tt.slug)
		if slugOf(p) != tt.prev || slugOf(n) != tt.next {
			t.Errorf("Neighbours(%s) = %q, %q; want %q, %q", tt.slug, slugOf(p), slugOf(n), tt.prev, tt.next)
		}
	}
}

func slugOf(m *report.Meta) string {
	if m == nil {
		return ""
	}
	return m.Slug
}

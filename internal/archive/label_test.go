package archive

import (
	"testing"

	"github.com/govreport/govreport/internal/indicator"
)

func TestLabelKey(t *testing.T) {
	tests := []struct {
		label string
		want  string // "" when the label names no figure that recurs
	}{
		{"地区生产总值", "地区生产总值"},
		{"生产总值", "地区生产总值"},        // a synonym
		{"GDP", "地区生产总值"},         // a synonym
		{"地区生产总值（GDP）", "地区生产总值"}, // a bracketed abbreviation goes
		{"地区生产总值(GDP)", "地区生产总值"},
		{"城镇居民人均可支配收入", "城镇常住居民人均可支配收入"},
		{"城镇常住居民人均可支配收入", "城镇常住居民人均可支配收入"},
		{"农民人均纯收入", "农民人均纯收入"},   // another measure: no synonym
		{"规上工业增加值", "规模以上工业增加值"}, // abbreviation written out
		{"限上社会消费品零售额", "限额以上社会消费品零售额"},
		{"社会消费品零售额", "社会消费品零售总额"},
		{"完成固定资产投资", "固定资产投资"}, // a verb of achieving
		{"全年实现地区生产总值", "地区生产总值"},
		{"全镇家庭农场", "家庭农场"},
		{"固定资产投资（不含农户）", "固定资产投资（不含农户）"}, // narrows the figure: stays
		{"全社会固定资产投资", "全社会固定资产投资"},
		{"财政收入", "财政收入"}, // never 一般公共预算收入
		{"一般公共预算收入", "一般公共预算收入"},
		{"城镇登记失业率", "城镇登记失业率"},
		{"城镇调查失业率", "城镇调查失业率"},
		{"新增城镇就业", "城镇新增就业"},
		{"“散乱污”企业", "散乱污企业"},
		{"地区生產總值", "地区生产总值"}, // Traditional script
		{"占比", ""},
		{"总投资", ""},
		{"投资", ""},
		{"完成投资", ""},
		{"项目", ""},
		{"人口", ""}, // too short to name one thing
		{"", ""},
		{"CPI", "CPI"},
	}
	for _, tt := range tests {
		got, ok := labelKey(tt.label)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("labelKey(%q) = %q, %v; want %q", tt.label, got, ok, tt.want)
		}
	}
}

func TestSynonymsAreKeys(t *testing.T) {
	for from, to := range synonyms {
		if k, ok := labelKey(to); !ok || k != to {
			t.Errorf("synonym %s → %s: the standing name's key is %q, %v", from, to, k, ok)
		}
		if _, ok := synonyms[to]; ok {
			t.Errorf("synonym %s → %s: %s is renamed again", from, to, to)
		}
	}
}

func TestFamily(t *testing.T) {
	tests := []struct {
		unit, mag string
		want      string
	}{
		{"万元", "万", "元"},
		{"亿元", "亿", "元"},
		{"元", "", "元"},
		{"万亿元", "万亿", "元"},
		{"万亩", "万", "亩"},
		{"%", "", "%"},
		{"个百分点", "", "个百分点"},
		{"个", "", "个"},
		{"元/月", "", "元/月"},
	}
	for _, tt := range tests {
		in := indicator.Indicator{Unit: tt.unit, Magnitude: tt.mag}
		if got := family(&in); got != tt.want {
			t.Errorf("family(%s, %s) = %q, want %q", tt.unit, tt.mag, got, tt.want)
		}
	}
}

package indicator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// extractText runs Extract on one paragraph in a review part of a 2023 report.
func extractText(text string) []Indicator {
	return Extract(&report.Doc{Meta: report.Meta{Year: 2023}, Blocks: []report.Block{
		{Kind: report.Part, Marker: "一、", Lead: "2023年工作回顾", ID: "s1"},
		{Kind: report.Paragraph, Text: text, ID: "s1-p1"},
	}})
}

// reading is an indicator's figure in one line: written=value unit
// [magnitude base] qualifier flags.
func reading(in Indicator) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s=%s %s", in.Written, tsvValue(in), in.Unit)
	if in.Magnitude != "" {
		fmt.Fprintf(&b, " %s:%s", in.Magnitude, num(in.Base))
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{in.Qualifier != "", in.Qualifier}, {in.Change, "change"}, {in.Redacted, "redacted"}, {in.UnitMissing, "unit_missing"}} {
		if f.on {
			b.WriteString(" " + f.name)
		}
	}
	return b.String()
}

func readings(ins []Indicator) string {
	var out []string
	for _, in := range ins {
		out = append(out, reading(in))
	}
	return strings.Join(out, " | ")
}

func TestFigures(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// Arabic figures, thousands separators, 万 and 亿 with the value in the base unit.
		{"完成财政收入1.86亿元", "1.86亿元=1.86 亿元 亿:186000000"},
		{"新增耕地1,200亩", "1,200亩=1200 亩"},
		{"全镇耕地面积4.2万亩", "4.2万亩=4.2 万亩 万:42000"},
		{"惠及群众1.2万人次", "1.2万人次=1.2 万人次 万:12000"},
		{"教育投入16万元", "16万元=16 万元 万:160000"},
		{"新修水渠1.35公里", "1.35公里=1.35 公里"},
		{"最低领取金额560元/月", "560元/月=560 元/月"},
		{"ＰＭ浓度３１微克/立方米", "３１微克/立方米=31 微克/立方米"},
		// Chinese numerals that count.
		{"等六个项目已基本完成", "六个=6 个"},
		{"申报项目两批共计237个", "两批=2 批 | 237个=237 个"},
		{"新签约项目十二个", "十二个=12 个"},
		{"惠及困难群众二百余户", "二百余户=200 户 余"},
		{"培育二十多家企业", "二十多家=20 家 多"},
		// Percentages, points, changes with their sign.
		{"同比增长20.56%", "20.56%=20.56 % change"},
		{"固定资产投资下降3.4%", "3.4%=-3.4 % change"},
		{"能耗同比下降了2.8％", "2.8％=-2.8 % change"},
		{"占比提高1.2个百分点", "1.2个百分点=1.2 个百分点 change"},
		{"比上年减少1200万元", "1200万元=-1200 万元 万:-12000000 change"},
		{"参保率提高到98%", "98%=98 %"},
		{"新增规上企业12家", "12家=12 家"},
		{"工业增加值45亿元", "45亿元=45 亿元 亿:4500000000"},
		// Ranges.
		{"培育3-5万元的项目", "3-5万元=3~5 万元 万:30000"},
		{"培育3至5个产业集群", "3至5个=3~5 个"},
		{"培育三至五个产业集群", "三至五个=3~5 个"},
		{"补助3万至5万元", "3万至5万元=3~5 万元 万:30000"},
		// Qualifiers.
		{"新增销售额近XX万元", "XX万元=null 万元 万: 近 redacted"},
		{"巡查110余次", "110余次=110 次 余"},
		{"服务3000多人次", "3000多人次=3000 人次 多"},
		{"总投资1100多万元", "1100多万元=1100 万元 万:11000000 多"},
		{"发放教育资助XX万余元", "XX万余元=null 万元 万: 余 redacted"},
		{"中考700分以上5人", "700分=700 分 以上 | 5人=5 人"},
		{"增长6%左右", "6%=6 % 左右 change"},
		{"投入资金约450万元", "450万元=450 万元 万:4500000 约"},
		{"税收超1亿元", "1亿元=1 亿元 亿:100000000 超"},
		{"累计流转土地13400亩", "13400亩=13400 亩 累计"},
		{"新开工项目不少于10个", "10个=10 个 不少于"},
		{"签约100户", "100户=100 户"},
		// Placeholders: null, never a number.
		{"完成财政收入XX万元", "XX万元=null 万元 万: redacted"},
		{"实现生产总值xx亿元", "xx亿元=null 亿元 亿: redacted"},
		{"改造危房××户", "××户=null 户 redacted"},
		{"同比增长X.X%", "X.X%=null % change redacted"},
		{"税收收入**万元", "**万元=null 万元 万: redacted"},
		{"发放补贴资金_万元", "_万元=null 万元 万: redacted"},
		{"完成投资xx.51亿元", "xx.51亿元=null 亿元 亿: redacted"},
		{"同比增长xx0.9%", "xx0.9%=null % change redacted"},
		{"补贴XX元/月", "XX元/月=null 元/月 redacted"},
		// Units dropped, figures with spaces.
		{"地区生产总值145.98亿", "145.98亿=145.98 亿 亿:14598000000 unit_missing"},
		{"农业总产值238.68万", "238.68万=238.68 万 万:2386800 unit_missing"},
		{"同比增长18.3", "18.3=18.3  change unit_missing"},
		{"到位资金31.88 亿元", "31.88 亿元=31.88 亿元 亿:3188000000"},
		{"城镇化率77.8 %", "77.8 %=77.8 %"},
	} {
		if got := readings(extractText(c.text)); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

func TestNotQuantities(t *testing.T) {
	for _, text := range []string{
		"2023年是开局之年", "2022 年", "20xx年谋划", "202x年计划", "截至12月份", "预计在今年八月份通车",
		"2024年1月18日", "2023-2025年", "全县第三", "居全市第7位", "以全县第一的成绩", "进入全市前10名",
		"第十八届人民代表大会", "东政〔2023〕12号", "电话0551-12345678", "十四五规划", "党的二十大",
		"两强一增", "五清一改", "四下基层", "一岗双责", "“两个确立”", "三个代表", "中央八项规定",
		"三次产业结构", "一家规上企业", "一批项目", "千家万户", "十分重要", "批零户", "一期项目",
		"二期建设", "5G基站", "4A级景区", "G60高速", "XX镇人民政府", "XX项目", "XX大米",
		"以下三个方面", "三次产业结构调整为11.2:38.5:50.3", "“15分钟生活圈”", "连续五年",
		"亿元以上项目", "万元地区生产总值", "每千人口", "12345热线", "一二三产", "三类对象",
		"未发生一起事故", "两不愁三保障", "“一村一品”", "“三个一批”", "同比增长；", "四是少数干部",
	} {
		if got := extractText(text); len(got) > 0 {
			t.Errorf("%s: got %s, want none", text, readings(got))
		}
	}
}

func TestLabels(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"我镇2023年度完成财政收入XX万元，其中完成税收收入XX万元", "财政收入 | 税收收入"},
		{"限上社会消费品零售额XX万元，同比增长20.56%", "限上社会消费品零售额 | 限上社会消费品零售额"},
		{"12家规模以上工业总产值XX亿元", "规模以上工业 | 规模以上工业总产值"},
		{"全年纳入监测“三类对象”31户71人", "纳入监测三类对象 | 纳入监测三类对象"},
		{"新增市级教坛新星2人、市级骨干教师2人", "新增市级教坛新星 | 市级骨干教师"},
		{"4.2公里的青年路及6公里的农村补短板道路", "青年路 | 农村补短板道路"},
		{"全长21000米的镇区污水管网建设目前基本完工", "镇区污水管网建设全长"},
		{"共召开40次研判会", "研判会"},
		{"力争完成6200亩高标准农田建设", "高标准农田建设"},
		{"组织全镇13名工作人员参加考试", "工作人员"},
		{"镇卫生院报销1万元以上的共27人", "镇卫生院报销 | 镇卫生院报销1万元以上"},
		{"为辖区1.2万名60周岁以上老年人提供服务", "60周岁以上老年人"},
		{"参保率为103%", "参保率"},
		{"固定资产投资完成132.6亿元，下降3.4%", "固定资产投资 | 固定资产投资"},
		{"城镇登记失业率控制在3.5%以内", "城镇登记失业率"},
		{"粮食总产量达到52.3万吨，连续五年稳定在50万吨以上", "粮食总产量 | 粮食总产量"},
		{"截至12月份全镇共巡查110余次", "巡查"},
		{"村（社区）新时代文明实践站共开展活动1300余次", "村（社区）新时代文明实践站开展活动"},
		{"发展稻虾共养面积达到3000亩", "发展稻虾共养面积"},
		{"2023年镇卫生院及县域外就医共计报销XX万元", "镇卫生院及县域外就医报销"},
		{"淮干疏浚工程抛泥区填塘新增耕地500亩正在编制复垦方案", "新增耕地"},
		{"城镇新增就业6520人", "城镇新增就业"},
		{"XX镇开展全镇领导干部学法用法培训活动3场次", "开展全镇领导干部学法用法培训活动"},
		{"2024年工作安排全年力争实现财政收入增长xx%", "财政收入"},
		{"年末全乡户籍人口42316人", "户籍人口"},
		{"实现七个行政村“一村一品”全覆盖", "行政村"},
		{"城乡居民人均可支配收入分别达到41260元和19870元", "城镇居民人均可支配收入 | 农村居民人均可支配收入"},
	} {
		var got []string
		for _, in := range extractText(c.text) {
			got = append(got, in.Label)
		}
		if g := strings.Join(got, " | "); g != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, g, c.want)
		}
	}
}

func TestKindYear(t *testing.T) {
	doc := &report.Doc{Meta: report.Meta{Year: 2023}, Blocks: []report.Block{
		{Kind: report.Paragraph, ID: "p1", Text: "全年接待游客120万人次。"},
		{Kind: report.Part, ID: "s1", Marker: "一、", Lead: "2023年目标任务完成情况"},
		{Kind: report.Paragraph, ID: "s1-p1", Text: "完成财政收入3亿元。预计全年完成投资5亿元，增长6%；新增企业3家。力争明年新增就业500人。2022年完成投资4亿元。"},
		{Kind: report.Part, ID: "s2", Marker: "二、", Lead: "2024年工作安排"},
		{Kind: report.Paragraph, ID: "s2-p1", Text: "新建农田8000亩。2023年完成投资5亿元。到2025年，粮食产量达到6万吨。"},
		{Kind: report.Part, ID: "s3", Marker: "三、", Lead: "切实加强政府自身建设"},
		{Kind: report.Paragraph, ID: "s3-p1", Text: "压减一般性支出10%。"},
		{Kind: report.Heading, ID: "h1", Lead: "过去五年工作回顾"},
		{Kind: report.Paragraph, ID: "h1-p1", Text: "计划投资2亿元。完成投资1.5亿元。"},
	}}
	want := []string{
		"p1 120万人次 actual 2023",
		"s1-p1 3亿元 actual 2023", "s1-p1 5亿元 actual 2023 预计", "s1-p1 6% actual 2023 预计", "s1-p1 3家 actual 2023 预计",
		"s1-p1 500人 target 2024", "s1-p1 4亿元 actual 2022",
		"s2-p1 8000亩 target 2024", "s2-p1 5亿元 actual 2023", "s2-p1 6万吨 target 2025",
		"s3-p1 10% target 2024",
		"h1-p1 2亿元 target 2023", "h1-p1 1.5亿元 actual 2023",
	}
	var got []string
	for _, in := range Extract(doc) {
		got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s %d %s", in.Anchor, in.Written, in.Kind, in.Year, in.Qualifier)))
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

func TestPlanTitle(t *testing.T) {
	for _, c := range []struct {
		title string
		want  string // plan, review, or none when the title says neither
	}{
		{"2023年工作回顾", "review"}, {"2024年工作计划", "plan"}, {"2024年工作安排", "plan"},
		{"2024年主要目标和重点工作", "plan"}, {"今后五年的主要任务", "plan"}, {"2024年重点工作", "plan"},
		{"2023年目标任务完成情况", "review"}, {"过去一年的工作", "review"}, {"2023年主要工作", "review"},
		{"聚焦发展质效", "none"}, {"切实加强政府自身建设", "none"},
	} {
		plan, ok := planTitle(c.title, 2023)
		got := map[bool]string{true: "plan", false: "review"}[plan]
		if !ok {
			got = "none"
		}
		if got != c.want {
			t.Errorf("planTitle(%q) = %s, want %s", c.title, got, c.want)
		}
	}
}

func TestFeatured(t *testing.T) {
	for label, want := range map[string]bool{
		"地区生产总值": true, "财政收入": true, "一般公共预算收入": true, "税收收入": true,
		"规模以上工业总产值": true, "规模以上工业增加值": true, "限上社会消费品零售额": true,
		"固定资产投资": true, "城乡居民人均可支配收入": true, "粮食产量": true, "招商引资到位资金": true,
		"万元地区生产总值能耗": false, "农民专业合作社": false, "参保率": false, "": false,
	} {
		if got := isFeatured(label); got != want {
			t.Errorf("isFeatured(%q) = %v, want %v", label, got, want)
		}
	}
}

func TestTable(t *testing.T) {
	doc := &report.Doc{Meta: report.Meta{Year: 2023}, Blocks: []report.Block{
		{Kind: report.Table, ID: "t1", Rows: [][]string{
			{"指标", "2023年", "增长"},
			{"地区生产总值", "145.98亿元", "5.2%"},
			{"财政收入", "XX万元", "-"},
		}},
	}}
	var got []string
	for _, in := range Extract(doc) {
		got = append(got, in.Label+" "+reading(in))
	}
	want := "地区生产总值 145.98亿元=145.98 亿元 亿:14598000000 | 地区生产总值 5.2%=5.2 % | 财政收入 XX万元=null 万元 万: redacted"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestCnValue(t *testing.T) {
	for s, want := range map[string]int64{"六": 6, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "一百零五": 105,
		"两千": 2000, "三千五百": 3500, "一万二千": 12000} {
		if got, ok := cnValue(s); !ok || got != want {
			t.Errorf("cnValue(%s) = %d %v, want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"一二三", "二〇二三"} {
		if _, ok := cnValue(s); ok {
			t.Errorf("cnValue(%s) ok, want no number", s)
		}
	}
}

// FuzzExtract checks that any text extracts without a panic and that every
// figure is written inside its clause.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"完成财政收入XX万元，同比增长20.56%", "3-5万元", "二百余户", "1,200亩", "xx.51亿元", "145.98亿", ",.,", "十", "\xff3万", "完成財政收入6365萬元，增長5%", "分别增长5%、6%", "［2］①產（chǎn）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range extractText(s) {
			if !strings.Contains(in.Text, in.Written) || in.Written == "" {
				t.Errorf("%q: figure %q not in clause %q", s, in.Written, in.Text)
			}
		}
	})
}

// TestNoticeHasNoFigures: the transmittal notice before a report (its
// document number, its date) gives no figures.
func TestNoticeHasNoFigures(t *testing.T) {
	doc := &report.Doc{Meta: report.Meta{Year: 2023}, Blocks: []report.Block{
		{Kind: report.Notice, ID: "n1", Text: "青山县人民政府关于印发2024年政府工作报告的通知，青政〔2024〕5号，印发12份。"},
		{Kind: report.Paragraph, ID: "p1", Text: "全年完成财政收入1200万元。"},
	}}
	ins := Extract(doc)
	if len(ins) != 1 || ins[0].Anchor != "p1" {
		t.Errorf("got %+v, want only the figure of p1", ins)
	}
}

package source

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/govreport/govreport/internal/report"
)

// textCase is one made-up input in the shape of a real report, with what
// ReadText must make of it.
type textCase struct {
	name  string
	in    string
	paras []string          // "line:text", or "line:table[a|b][c|d]"
	codes []string          // findings in order, "line:code"; "line:code!" for a warning
	title string            // Source.Title
	date  string            // Source.Date
	meta  map[string]string // Source.Meta
	gone  []string          // wrapper text removed (for the invariant test)
}

var textCases = []textCase{
	// Wrappers.
	{
		name: "header",
		in: "《2022年某镇政府工作报告(20230115).doc》由会员分享，可在线阅读，更多相关《2022年某镇政府工作报告(20230115).doc(8页珍藏版)》请在人人文库网上搜索。\n" +
			"各位代表：\n现在，我代表镇人民政府向大会报告工作。",
		paras: []string{"2:各位代表：", "3:现在，我代表镇人民政府向大会报告工作。"},
		codes: []string{"1:header"},
		title: "2022年某镇政府工作报告", date: "2023-01-15",
		gone: []string{"《2022年某镇政府工作报告(20230115).doc》由会员分享，可在线阅读，更多相关《2022年某镇政府工作报告(20230115).doc(8页珍藏版)》请在人人文库网上搜索。"},
	},
	{
		name:  "header with a bad date",
		in:    "《某镇政府工作报告（20231399）.docx》由用户上传分享\n各位代表：",
		paras: []string{"2:各位代表："},
		codes: []string{"1:header", "1:header!"},
		title: "某镇政府工作报告",
		gone:  []string{"《某镇政府工作报告（20231399）.docx》由用户上传分享"},
	},
	{
		name: "file-name line above the header",
		in: "镇人民政府2021年工作报告.doc\n" +
			"《镇人民政府2021年工作报告.doc》由会员分享,可在线阅读,更多相关《镇人民政府2021年工作报告.doc(9页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。\n" +
			"1、镇人民政府2021年工作报告各位代表:现在,我代表_镇第六届人民政府,向大会报告工作,请予审议。一、突出招商引资。全年签约项目\n" +
			"2、12个。",
		paras: []string{"3:镇人民政府2021年工作报告各位代表:现在,我代表_镇第六届人民政府,向大会报告工作,请予审议。一、突出招商引资。全年签约项目12个。"},
		codes: []string{"1:header", "2:header", "3:page-marker", "4:page-marker"},
		title: "镇人民政府2021年工作报告",
		gone: []string{"镇人民政府2021年工作报告.doc\n",
			"《镇人民政府2021年工作报告.doc》由会员分享,可在线阅读,更多相关《镇人民政府2021年工作报告.doc(9页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。",
			"1、", "2、"},
	},
	{
		name:  "file-name line above the header, with a date",
		in:    "2023年青山乡政府工作报告(20240110).DOCX\n\n《2023年青山乡政府工作报告(20240110).docx》由用户上传分享\n各位代表：\n现在，我代表乡人民政府向大会报告工作。",
		paras: []string{"4:各位代表：", "5:现在，我代表乡人民政府向大会报告工作。"},
		codes: []string{"1:header", "3:header"},
		title: "2023年青山乡政府工作报告", date: "2024-01-10",
		gone: []string{"2023年青山乡政府工作报告(20240110).DOCX", "《2023年青山乡政府工作报告(20240110).docx》由用户上传分享"},
	},
	{
		name:  "file-name line without a header",
		in:    "某县2024年政府工作报告.pdf\n各位代表：\n现在，我代表县人民政府向大会报告工作。",
		paras: []string{"2:各位代表：", "3:现在，我代表县人民政府向大会报告工作。"},
		codes: []string{"1:header"},
		title: "某县2024年政府工作报告",
		gone:  []string{"某县2024年政府工作报告.pdf"},
	},
	{
		name:  "a file name in the text is text",
		in:    "各位代表：\n2023年工作要点.docx\n全年印发材料，文件名为工作要点.doc，存档备查。",
		paras: []string{"1:各位代表：", "2:2023年工作要点.docx", "3:全年印发材料，文件名为工作要点.doc，存档备查。"},
	},
	{
		name:  "banner",
		in:    "2023年某镇政府工作报告\n原创力文档 max.book118.com\n预览与源文档一致，下载高清无水印\n各位代表：",
		paras: []string{"1:2023年某镇政府工作报告", "4:各位代表："},
		codes: []string{"2:banner", "3:banner"},
		gone:  []string{"原创力文档 max.book118.com", "预览与源文档一致，下载高清无水印"},
	},
	{
		name: "watermark, known site",
		in: "一年来，全镇经济道客巴巴稳中有进，财政收入稳步增长。\n项目建设道客巴巴持续推进，新开工项目5个。\n" +
			"民生道客巴巴保障有力，新增就业300人。\n生态环境持续道客巴巴改善。\n社会大局和谐道客巴巴稳定。",
		paras: []string{"1:一年来，全镇经济稳中有进，财政收入稳步增长。", "2:项目建设持续推进，新开工项目5个。",
			"3:民生保障有力，新增就业300人。", "4:生态环境持续改善。", "5:社会大局和谐稳定。"},
		codes: []string{"1:watermark!"},
		gone:  []string{"道客巴巴", "道客巴巴", "道客巴巴", "道客巴巴", "道客巴巴"},
	},
	{
		name: "watermark, unknown site name and a domain",
		in: "全镇经济知行文库稳中有进www.zxwk.com，财政收入稳步增长。\n项目建设知行文库持续推进www.zxwk.com。\n" +
			"民生保障知行文库有力www.zxwk.com。\n生态知行文库环境持续改善www.zxwk.com。\n社会知行文库大局和谐稳定www.zxwk.com。",
		paras: []string{"1:全镇经济稳中有进，财政收入稳步增长。", "2:项目建设持续推进。",
			"3:民生保障有力。", "4:生态环境持续改善。", "5:社会大局和谐稳定。"},
		codes: []string{"1:watermark!", "1:watermark!"},
		gone:  slices.Repeat([]string{"知行文库", "www.zxwk.com"}, 5),
	},
	{
		name: "watermark on lines of its own",
		in: "2023年某镇政府工作报告\n学海文档网 www.xhwdw.cn\n各位代表：\n" +
			"（一）经济运行稳中向好。全年增长6.1%；学海文档网 www.xhwdw.cn完成投资XX亿元。\n学海文档网 www.xhwdw.cn",
		paras: []string{"1:2023年某镇政府工作报告", "3:各位代表：", "4:（一）经济运行稳中向好。全年增长6.1%；完成投资XX亿元。"},
		codes: []string{"2:watermark!", "2:watermark!"},
		gone:  slices.Repeat([]string{"学海文档网", "www.xhwdw.cn"}, 3),
	},
	{
		name:  "injected phrases",
		in:    "全镇累计流转土地word可编辑13400亩。\n力争新签约项目word可编辑3个。",
		paras: []string{"1:全镇累计流转土地13400亩。", "2:力争新签约项目3个。"},
		codes: []string{"1:watermark!"},
		gone:  []string{"word可编辑", "word可编辑"},
	},
	{
		name: "injected pinyin",
		in: "泥河鎮(zhèn)人民政府工作報告\n——2021年6月8日在泥河鎮(zhèn)第十六屆人民代表大會第九次會議上\n" +
			"一、經(jīng)濟運行穩(wěn)中有進。新增規(guī)上工業(yè)企業(yè)1家，新增稻蝦(漁)綜合種養(yǎng)3600畝。",
		paras: []string{"1:泥河鎮人民政府工作報告", "2:——2021年6月8日在泥河鎮第十六屆人民代表大會第九次會議上",
			"3:一、經濟運行穩中有進。新增規上工業企業1家，新增稻蝦(漁)綜合種養3600畝。"},
		codes: []string{"1:pinyin", "2:pinyin", "3:pinyin"},
		gone:  []string{"(zhèn)", "(zhèn)", "(jīng)", "(wěn)", "(guī)", "(yè)", "(yè)", "(yǎng)"},
	},
	{
		name:  "injected pinyin, full-width parentheses",
		in:    "全镇（zhèn）粮食（shí）产量稳步提高，农民（mín）收入持续增长（zhǎng）。",
		paras: []string{"1:全镇粮食产量稳步提高，农民收入持续增长。"},
		codes: []string{"1:pinyin"},
		gone:  []string{"（zhèn）", "（shí）", "（mín）", "（zhǎng）"},
	},
	{
		name:  "parentheses that are not pinyin",
		in:    "阜阳港(FYG)码头，各村(社区)，项目(a)、(b)，稻虾(渔)，单位(mg)，排名(No.1)，增长(zhen)。",
		paras: []string{"1:阜阳港(FYG)码头，各村(社区)，项目(a)、(b)，稻虾(渔)，单位(mg)，排名(No.1)，增长(zhen)。"},
	},
	{
		name:  "shop lines",
		in:    "店铺：晨曦文档专营店 进店逛逛 联系客服\n各位代表：\n本文档由晨曦文档专营店上传，如有侵权请联系删除。",
		paras: []string{"2:各位代表："},
		codes: []string{"1:banner", "3:banner"},
		gone:  []string{"店铺：晨曦文档专营店 进店逛逛 联系客服", "本文档由晨曦文档专营店上传，如有侵权请联系删除。"},
	},
	{
		name:  "paywall",
		in:    "一是经济发展稳中向好。全年完成财政收入XX万元。\n……（试读结束，省略912字，下载全文阅读）……\n二是项目建设(此处省略120字)持续推进。",
		paras: []string{"1:一是经济发展稳中向好。全年完成财政收入XX万元。", "3:二是项目建设持续推进。"},
		codes: []string{"2:paywall!", "3:paywall!"},
		gone:  []string{"……（试读结束，省略912字，下载全文阅读）……", "(此处省略120字)"},
	},
	{
		name: "page markers with a header",
		in: "《某镇政府工作报告.docx》由会员分享，可在线阅读\n" +
			"1、各位代表：现在，我代表镇人民政府向大会报告工作。一是经济稳中向好，非税收\n" +
			"2、、入XX万元；1、农保工作稳步推进，参保率达到9\n" +
			"1、不是页码的列表项。\n" +
			"3、5%以上。",
		paras: []string{"2:各位代表：现在，我代表镇人民政府向大会报告工作。一是经济稳中向好，非税收入XX万元；1、农保工作稳步推进，参保率达到9",
			"4:1、不是页码的列表项。5%以上。"},
		codes: []string{"1:header", "2:page-marker", "3:page-marker", "5:page-marker"},
		title: "某镇政府工作报告",
		gone:  []string{"《某镇政府工作报告.docx》由会员分享，可在线阅读", "1、", "2、、", "3、"},
	},
	{
		name: "page one continues nothing",
		in: "《某镇政府工作报告.docx》由会员分享\n青山镇门户欢迎您\n" +
			"1、各位代表：现在，我代表镇人民政府向大会报告工作。一是经济稳中向好，非税收\n2、入XX万元。",
		paras: []string{"2:青山镇门户欢迎您", "3:各位代表：现在，我代表镇人民政府向大会报告工作。一是经济稳中向好，非税收入XX万元。"},
		codes: []string{"1:header", "3:page-marker", "4:page-marker"},
		title: "某镇政府工作报告",
		gone:  []string{"《某镇政府工作报告.docx》由会员分享", "1、", "2、"},
	},
	{
		name: "page markers without a header",
		in: "1、2023年某镇政府工作报告各位代表：现在，我代表镇人民政府向大会报告工作，请予审议。一年来，全镇完成非税收\n" +
			"2、入XX万元；新建水渠1.35公里，项目建设持续推进，民生保障坚实有力，参保率达到9\n" +
			"3、5%以上。",
		paras: []string{"1:2023年某镇政府工作报告各位代表：现在，我代表镇人民政府向大会报告工作，请予审议。一年来，全镇完成非税收入XX万元；新建水渠1.35公里，项目建设持续推进，民生保障坚实有力，参保率达到95%以上。"},
		codes: []string{"1:page-marker", "2:page-marker", "3:page-marker"},
		gone:  []string{"1、", "2、", "3、"},
	},
	{
		name:  "a list is not page markers",
		in:    "1、加强基层治理。\n2、推进乡村振兴。\n3、保障改善民生。",
		paras: []string{"1:1、加强基层治理。", "2:2、推进乡村振兴。", "3:3、保障改善民生。"},
	},
	{
		name:  "page numbers",
		in:    "一是经济发展稳中向好。第1页共3页\n- 2 -\n二是项目建设持续推进。\n第 2 页 共 3 页\n— 3 —\n三是民生保障有力。",
		paras: []string{"1:一是经济发展稳中向好。", "3:二是项目建设持续推进。", "6:三是民生保障有力。"},
		codes: []string{"1:page-number", "2:page-number", "4:page-number", "5:page-number"},
		gone:  []string{"第1页共3页", "- 2 -", "第 2 页 共 3 页", "— 3 —"},
	},
	{
		name: "portal chrome",
		in: "首页 > 信息公开 >> 政府工作报告\n当前位置：首页 > 政务公开\n字体：[大 中 小]\n【打印】【关闭】\n• 无障碍\n分享到：\n浏览次数：1024\n" +
			"2023年某镇政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会作政府工作报告，请予审议。\n【打印】【关闭】",
		paras: []string{"8:2023年某镇政府工作报告", "9:各位代表：", "10:现在，我代表镇人民政府，向大会作政府工作报告，请予审议。"},
		codes: []string{"1:chrome", "2:chrome", "3:chrome", "4:chrome", "5:chrome", "6:chrome", "7:chrome", "11:chrome"},
		gone: []string{"首页 > 信息公开 >> 政府工作报告", "当前位置：首页 > 政务公开", "字体：[大 中 小]", "【打印】【关闭】",
			"• 无障碍", "分享到：", "浏览次数：1024", "【打印】【关闭】"},
	},
	{
		name: "portal chrome, elder mode and site name",
		in: "• 无障碍\n  • 长辈版\n沈村镇人民政府\n您现在所在的位置: 网站首页> 政府信息公开首页 > 沈村镇人民政府> 政府工作报告\n" +
			"沈村镇2025年政府工作报告\n各位代表:\n现在,我代表沈村镇人民政府,向大会报告工作,请予审议。",
		paras: []string{"5:沈村镇2025年政府工作报告", "6:各位代表:", "7:现在,我代表沈村镇人民政府,向大会报告工作,请予审议。"},
		codes: []string{"1:chrome", "2:chrome", "3:chrome", "4:chrome"},
		gone:  []string{"• 无障碍", "• 长辈版", "沈村镇人民政府\n您现在所在的位置: 网站首页> 政府信息公开首页 > 沈村镇人民政府> 政府工作报告"},
	},
	{
		name: "portal chrome, site name first",
		in: "青山县人民政府门户网站\n\n【关怀版】\n您所在的位置：政务公开 > 规划计划 > 首页 > 政府工作报告\n" +
			"2024年青山县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。",
		paras: []string{"5:2024年青山县政府工作报告", "6:各位代表：", "7:现在，我代表县人民政府，向大会报告工作，请予审议。"},
		codes: []string{"1:chrome", "3:chrome", "4:chrome"},
		gone:  []string{"青山县人民政府门户网站", "【关怀版】", "您所在的位置：政务公开 > 规划计划 > 首页 > 政府工作报告"},
	},
	{
		name: "a toolbar a word to a line, a breadcrumb over lines, a caption, a copy of the front",
		in: "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上 省长 张三\n" +
			"首页\n>\n政府信息公开\n>\n政府工作报告\n2026年某省政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上 省长 张三\n时间：2026-02-02\n" +
			"省长张三作政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n一、2025年工作回顾\n" +
			"全省上下团结奋斗。（下转第四版）（紧接第一版） 地区生产总值增长5.1%。\n（\n二）城乡发展更趋协调，全面完成保交楼任务。\n" +
			"》》点击图片进入专题《《\n收藏\n|\n分享到微信\n×\n相关报道：",
		paras: []string{"17:2026年某省政府工作报告", "18:——2026年1月27日在某省第十四届人民代表大会第四次会议上 省长 张三", "21:各位代表：",
			"22:现在，我代表省人民政府向大会报告工作，请予审议。", "23:一、2025年工作回顾", "24:全省上下团结奋斗。地区生产总值增长5.1%。",
			"25:（二）城乡发展更趋协调，全面完成保交楼任务。"},
		codes: []string{"1:chrome", "2:chrome", "3:chrome", "4:chrome", "5:chrome", "6:chrome", "7:chrome", "8:chrome", "9:chrome",
			"10:front", "11:front", "12:chrome", "13:chrome", "14:chrome", "15:chrome", "16:chrome", "19:meta", "20:chrome",
			"24:page-marker", "27:chrome", "28:chrome", "29:chrome", "30:chrome", "31:chrome", "32:chrome"},
		meta:  map[string]string{"发布日期": "2026-02-02"}, // the page's own date (时间：) before the body
		title: "2026年某省政府工作报告",                         // the page's copy of the front names it
		gone: []string{"下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上 省长 张三\n首页\n>\n政府信息公开\n>\n政府工作报告\n",
			"时间：2026-02-02", "省长张三作政府工作报告", "（下转第四版）（紧接第一版）", "》》点击图片进入专题《《\n收藏\n|\n分享到微信\n×\n相关报道："},
	},
	{
		name:  "a breadcrumb whose last step repeats",
		in:    "您的位置:\n首页\n>\n云南要闻\n云南要闻\n2026年政府工作报告\n——2026年1月28日在某省第十四届人民代表大会第四次会议上\n省长 王五\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。",
		paras: []string{"6:2026年政府工作报告", "7:——2026年1月28日在某省第十四届人民代表大会第四次会议上", "8:省长 王五", "9:各位代表：", "10:现在，我代表省人民政府，向大会报告工作，请予审议。"},
		codes: []string{"1:chrome", "2:chrome", "3:chrome", "4:chrome", "5:front"},
		gone:  []string{"您的位置:\n首页\n>\n云南要闻\n云南要闻\n"},
	},
	{
		name: "body lines that look like chrome but are text",
		in: "2024年青山县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n" +
			"深化“放管服”改革，大幅压缩企业开办\n时间：由原来的5个工作日压减至1个工作日以内，惠及市场主体1.2万户。\n" +
			"文旅融合加快推进，组织央视记者深入拍摄\n《美丽乡村》专题片，全年接待游客120万人次。",
		paras: []string{"1:2024年青山县政府工作报告", "2:各位代表：", "3:现在，我代表县人民政府，向大会报告工作，请予审议。",
			"4:深化“放管服”改革，大幅压缩企业开办", "5:时间：由原来的5个工作日压减至1个工作日以内，惠及市场主体1.2万户。",
			"6:文旅融合加快推进，组织央视记者深入拍摄", "7:《美丽乡村》专题片，全年接待游客120万人次。"},
	},
	{
		name:  "one word to a line, no prose: toolbar words stay",
		in:    "我们\n进一步\n加大\n对\n中\n小\n企业\n的\n支持\n力度",
		paras: []string{"1:我们进一步加大对中小企业的支持力度"},
	},
	{
		name:  "a photo caption above the title",
		in:    "政府工作报告。 某省日报记者 李森 摄\n政府工作报告\n（2026年1月27日在某省第十四届人民代表大会第四次会议上）\n省长 李四\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。",
		paras: []string{"2:政府工作报告", "3:（2026年1月27日在某省第十四届人民代表大会第四次会议上）", "4:省长 李四", "5:各位代表：", "6:现在，我代表省人民政府向大会报告工作，请予审议。"},
		codes: []string{"1:chrome"},
		gone:  []string{"政府工作报告。 某省日报记者 李森 摄"},
	},
	{
		name:  "a toolbar phrase alone after the text",
		in:    "2030年白河县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议，并请列席会议的同志提出意见。\n扫一扫在手机打开当前页",
		paras: []string{"1:2030年白河县政府工作报告", "2:各位代表：", "3:现在，我代表县人民政府向大会报告工作，请予审议，并请列席会议的同志提出意见。"},
		codes: []string{"4:chrome"},
		gone:  []string{"扫一扫在手机打开当前页"},
	},
	{
		name:  "a photo caption with the name glued to 摄",
		in:    "2030年白河县政府工作报告\n——2030年1月8日在白河县第十九届人民代表大会第二次会议上\n白河县县长 李四\n李四同志作政府工作报告。本报记者 赵六摄\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。",
		paras: []string{"1:2030年白河县政府工作报告", "2:——2030年1月8日在白河县第十九届人民代表大会第二次会议上", "3:白河县县长 李四", "5:各位代表：", "6:现在，我代表县人民政府向大会报告工作，请予审议。"},
		codes: []string{"4:chrome"},
		gone:  []string{"李四同志作政府工作报告。本报记者 赵六摄"},
	},
	{
		name: "a crawler's 未知标题 and a news agency's dateline",
		in: "未知标题\r\n\r\n新华社北京3月6日电\u3000\r\n政府工作报告 \r\n——2030年3月5日在第十六届全国人民代表大会第一次会议上 \r\n国务院总理\u3000王五 \r\n \r\n" +
			"各位代表：\r\n  现在，我代表国务院，向大会报告政府工作，请予审议。\r\n",
		paras: []string{"4:政府工作报告", "5:——2030年3月5日在第十六届全国人民代表大会第一次会议上", "6:国务院总理\u3000王五", "8:各位代表：", "9:现在，我代表国务院，向大会报告政府工作，请予审议。"},
		codes: []string{"1:chrome", "3:chrome"},
		gone:  []string{"未知标题", "新华社北京3月6日电\u3000"},
	},
	{
		name:  "a dateline inside the body is text",
		in:    "2030年白河县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n新华社北京3月6日电\n全年新增就业1200人，城镇调查失业率5.2%，居民人均可支配收入增长5.6%。",
		paras: []string{"1:2030年白河县政府工作报告", "2:各位代表：", "3:现在，我代表县人民政府向大会报告工作，请予审议。", "4:新华社北京3月6日电", "5:全年新增就业1200人，城镇调查失业率5.2%，居民人均可支配收入增长5.6%。"},
	},
	{
		name:  "title, subtitle and speaker on one line keep their spaces",
		in:    "政府工作报告——2030年1月8日在白河县第十九届人民代表大会第二次会议上县长 李四\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。",
		paras: []string{"1:政府工作报告——2030年1月8日在白河县第十九届人民代表大会第二次会议上县长 李四", "2:各位代表：", "3:现在，我代表县人民政府向大会报告工作，请予审议。"},
	},
	{
		name: "run-in headings on lines of their own stay paragraphs",
		in:   "一、2029年工作回顾\n生态底色更加亮丽。\n全面落实河湖长制，主要河流出境断面水质保持Ⅱ类以上。\n经济运行持续向好。\n全县地区生产总值增长5.6%，一般公共预算收入增长4.8%。",
		paras: []string{"1:一、2029年工作回顾", "2:生态底色更加亮丽。", "3:全面落实河湖长制，主要河流出境断面水质保持Ⅱ类以上。", "4:经济运行持续向好。",
			"5:全县地区生产总值增长5.6%，一般公共预算收入增长4.8%。"},
	},
	{
		name:  "an organisation's name by the report is text",
		in:    "青山镇人民政府\n2024年青山镇政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n青山镇人民政府\n2024年2月1日",
		paras: []string{"1:青山镇人民政府", "2:2024年青山镇政府工作报告", "3:各位代表：", "4:现在，我代表镇人民政府，向大会报告工作，请予审议。", "5:青山镇人民政府", "6:2024年2月1日"},
	},
	{
		name: "time stamp and source lines",
		in: "政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n2026-01-31 07:00:44\n来源：青海日报\n各位代表：\n" +
			"现在，我代表省人民政府向大会报告工作，请予审议。\n全省地区生产总值增长4.1%。\n（来源：青海日报）\n编辑：何继红",
		paras: []string{"1:政府工作报告", "2:――2026年1月27日在青海省第十四届人民代表大会第四次会议上", "5:各位代表：",
			"6:现在，我代表省人民政府向大会报告工作，请予审议。", "7:全省地区生产总值增长4.1%。"},
		codes: []string{"3:meta", "4:chrome", "8:chrome", "9:chrome"},
		meta:  map[string]string{"发布日期": "2026-01-31"}, // the page's time stamp before the body
		gone:  []string{"2026-01-31 07:00:44", "来源：青海日报", "（来源：青海日报）", "编辑：何继红"},
	},
	{
		name: "time stamp and source note, other forms",
		in: "2024年02月01日 09:30\n2023年某县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n" +
			"（一）经济运行稳中向好，全年增长5.6%。\n（数据来源：县统计局）\n（二）民生保障有力，新增就业1200人。\n（稿件来源: 某某日报）",
		paras: []string{"2:2023年某县政府工作报告", "3:各位代表：", "4:现在，我代表县人民政府向大会报告工作，请予审议。",
			"5:（一）经济运行稳中向好，全年增长5.6%。", "6:（数据来源：县统计局）", "7:（二）民生保障有力，新增就业1200人。"},
		codes: []string{"1:meta", "8:chrome"},
		meta:  map[string]string{"发布日期": "2024-02-01"},
		gone:  []string{"2024年02月01日 09:30", "（稿件来源: 某某日报）"},
	},
	{
		name: "sharing-site chrome: tag, domain, article number, page number",
		in: "乡镇人大会,政府工作报告\n\n| 报告 |\n\n【www.guakaob.com--报告】\n\n篇一:乡镇人大会,政府工作报告\n镇人代会政府工作报告\n\n" +
			"各位代表:\n\n我代表镇人民政府,向大会报告工作,请予审查。\n\n一、一年来,我们致力于农业主导、工业强镇,发展基础进一步夯实\n\n1\n\n" +
			"农业农村经济稳中有升。财政一般预算收入任务174万,完成198万。",
		paras: []string{"8:镇人代会政府工作报告", "10:各位代表:", "12:我代表镇人民政府,向大会报告工作,请予审查。",
			"14:一、一年来,我们致力于农业主导、工业强镇,发展基础进一步夯实", "18:农业农村经济稳中有升。财政一般预算收入任务174万,完成198万。"},
		codes: []string{"1:front!", "3:chrome", "5:chrome", "7:chrome", "16:page-number"},
		gone:  []string{"| 报告 |", "【www.guakaob.com--报告】", "篇一:乡镇人大会,政府工作报告", "\n1\n", "乡镇人大会,政府工作报告"},
	},
	{
		name:  "sharing-site chrome, other forms",
		in:    "｜ 工作总结 ｜\n[www.fwdq.cn-工作报告]\n篇二：某镇2023年工作报告\n2023年某镇政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。",
		paras: []string{"4:2023年某镇政府工作报告", "5:各位代表：", "6:现在，我代表镇人民政府，向大会报告工作，请予审议。"},
		codes: []string{"1:chrome", "2:chrome", "3:chrome"},
		gone:  []string{"｜ 工作总结 ｜", "[www.fwdq.cn-工作报告]", "篇二：某镇2023年工作报告"},
	},
	{
		name:  "a lone cell by a table, or 篇 in the body, is text",
		in:    "| 项目 |\n| 收到申请 | 12 |\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n篇一：加强基层治理。",
		paras: []string{"1:| 项目 |", "2:| 收到申请 | 12 |", "3:各位代表：", "4:现在，我代表镇人民政府，向大会报告工作，请予审议。", "5:篇一：加强基层治理。"},
		codes: []string{"1:table?!"},
	},
	{
		name: "page number alone between paragraphs, no blank lines",
		in: "2023年，全镇经济社会保持平稳健康发展的良好态势，各项工作稳步推进。\n2\n" +
			"全年新增市场主体120户，其中企业35户，营商环境持续优化。",
		paras: []string{"1:2023年，全镇经济社会保持平稳健康发展的良好态势，各项工作稳步推进。", "3:全年新增市场主体120户，其中企业35户，营商环境持续优化。"},
		codes: []string{"2:page-number"},
		gone:  []string{"\n2\n"},
	},
	{
		name:  "lone numbers in a table of long labels are text",
		in:    "本年新增行政许可事项数量（件）\n2\n本年取消行政许可事项数量（件）\n0\n本年调整行政许可事项数量（件）\n1",
		paras: []string{"1:本年新增行政许可事项数量（件）", "2:2", "3:本年取消行政许可事项数量（件）", "4:0", "5:本年调整行政许可事项数量（件）", "6:1"},
		codes: []string{"1:table?!"},
	},
	{
		name:  "a lone number in a list or a table is text",
		in:    "本年新增规章\n\n3\n\n本年废止规章\n\n| 指标 | 数量 |\n2\n| 合计 | 5 |\n全年新增市场主体120户，其中企业35户，\n12\n%的企业实现增长。",
		paras: []string{"1:本年新增规章", "3:3", "5:本年废止规章", "7:| 指标 | 数量 |", "8:2", "9:| 合计 | 5 |", "10:全年新增市场主体120户，其中企业35户，12%的企业实现增长。"},
		codes: []string{"7:table?!", "9:table?!"},
	},
	{
		name: "metadata, a date label portals use and an empty document number",
		in: "索引号: 113417030032500728/202503-00004\n组配分类: 政府工作报告\n发布机构: 沈村镇人民政府\n名称: 沈村镇2025年政府工作报告\n" +
			"文号:\n生成日期: 2025-03-05\n发布日期: 2025-03-05\n沈村镇2025年政府工作报告\n各位代表:",
		paras: []string{"8:沈村镇2025年政府工作报告", "9:各位代表:"},
		codes: []string{"1:meta", "2:meta", "3:meta", "4:meta", "5:meta", "6:meta", "7:meta"},
		title: "沈村镇2025年政府工作报告", // no date: a portal's dates are not the day the report was given
		meta: map[string]string{"索引号": "113417030032500728/202503-00004", "组配分类": "政府工作报告", "发布机构": "沈村镇人民政府",
			"名称": "沈村镇2025年政府工作报告", "生成日期": "2025-03-05", "成文日期": "2025-03-05", "发布日期": "2025-03-05"},
		gone: []string{"索引号: 113417030032500728/202503-00004", "组配分类: 政府工作报告", "发布机构: 沈村镇人民政府",
			"名称: 沈村镇2025年政府工作报告", "文号:", "生成日期: 2025-03-05", "发布日期: 2025-03-05"},
	},
	{
		name:  "metadata, labels some portals use",
		in:    "索引号：002/2024-00003\n发文字号：青政〔2024〕2号\n生成日期：2024年1月26日\n成文日期：2024-01-25\n各位代表：",
		paras: []string{"5:各位代表："},
		codes: []string{"1:meta", "2:meta", "3:meta", "4:meta"},
		meta: map[string]string{"索引号": "002/2024-00003", "发文字号": "青政〔2024〕2号", "文号": "青政〔2024〕2号",
			"生成日期": "2024-01-26", "成文日期": "2024-01-25"},
		gone: []string{"索引号：002/2024-00003", "发文字号：青政〔2024〕2号", "生成日期：2024年1月26日", "成文日期：2024-01-25"},
	},
	{
		name:  "metadata, the header's date wins",
		in:    "《某镇政府工作报告(20240115).docx》由会员分享\n索引号：003/2024-00004\n成文日期：2024-01-26\n各位代表：",
		paras: []string{"4:各位代表："},
		codes: []string{"1:header", "2:meta", "3:meta"},
		title: "某镇政府工作报告", date: "2024-01-15",
		meta: map[string]string{"索引号": "003/2024-00004", "成文日期": "2024-01-26"},
		gone: []string{"《某镇政府工作报告(20240115).docx》由会员分享", "索引号：003/2024-00004", "成文日期：2024-01-26"},
	},
	{
		name: "metadata, bracketed keys, two pairs a row, an empty value",
		in: "[ 索引号 ] | 115009870012345678/2024-00011 | [ 发文字号 ] | 石桥府发〔2024〕3号 |\n" +
			"[ 发布机构 ] | 白河县石桥镇 | [ 有效性 ] | |\n【成文日期】 | 2024-02-26 | 【发布日期】 | 2024年2月27日 |\n" +
			"2024年石桥镇政府工作报告\n各位代表：",
		paras: []string{"4:2024年石桥镇政府工作报告", "5:各位代表："},
		codes: []string{"1:meta", "2:meta", "3:meta"},
		meta: map[string]string{"索引号": "115009870012345678/2024-00011", "发文字号": "石桥府发〔2024〕3号", "文号": "石桥府发〔2024〕3号",
			"发布机构": "白河县石桥镇", "成文日期": "2024-02-26", "发布日期": "2024-02-27"},
		gone: []string{"[ 索引号 ] | 115009870012345678/2024-00011 | [ 发文字号 ] | 石桥府发〔2024〕3号 |\n",
			"[ 发布机构 ] | 白河县石桥镇 | [ 有效性 ] | |\n【成文日期】 | 2024-02-26 | 【发布日期】 | 2024年2月27日 |\n"},
	},
	{
		name: "metadata, bullets, a time of day, the page's labels",
		in: "青湾镇2025年政府信息公开工作年度报告\n  • 信息来源:沙河市青湾镇\n  • 发布日期:2026-01-20 16:05\n  • 浏览次数:\n" +
			"发布时间:2026-01-20 16:05 来源:青湾镇 浏览次数: 字体:[ ]\n一、总体情况",
		paras: []string{"1:青湾镇2025年政府信息公开工作年度报告", "6:一、总体情况"},
		codes: []string{"2:meta", "3:meta", "4:meta", "5:meta"},
		meta:  map[string]string{"信息来源": "沙河市青湾镇", "发布日期": "2026-01-20", "发布时间": "2026-01-20", "来源": "青湾镇"},
		gone:  []string{"  • 信息来源:沙河市青湾镇\n  • 发布日期:2026-01-20 16:05\n  • 浏览次数:\n发布时间:2026-01-20 16:05 来源:青湾镇 浏览次数: 字体:[ ]\n"},
	},
	{
		name: "metadata, labels in Traditional script padded with question marks",
		in: "索??引??號: | 1162042101391301xj/2024-00001 | 生成日期: | 2024-01-24 |\n發布機構: | 白沙鎮人民政府 | 發布時間: | 2024-01-24 10:56 |\n" +
			"白沙鎮2023年政府信息公開工作年度報告\n一、總體情況",
		paras: []string{"3:白沙鎮2023年政府信息公開工作年度報告", "4:一、總體情況"},
		codes: []string{"1:meta", "2:meta"},
		meta: map[string]string{"索引号": "1162042101391301xj/2024-00001", "生成日期": "2024-01-24", "成文日期": "2024-01-24",
			"发布机构": "白沙鎮人民政府", "发布时间": "2024-01-24", "发布日期": "2024-01-24"},
		gone: []string{"索??引??號: | 1162042101391301xj/2024-00001 | 生成日期: | 2024-01-24 |\n發布機構: | 白沙鎮人民政府 | 發布時間: | 2024-01-24 10:56 |\n"},
	},
	{
		name: "metadata, values checked for their form",
		in: "索引号 | /2025-0000 | 公开目录: | 工作报告 |\n文号 | 白政发[2025]4号 | 成文日期: | 以系统为准 |\n" +
			"发布机构 | 2025-04-02 | 公开日期: | 2025-04-02 10:15 |\n白水区2025年政府工作报告\n各位代表：",
		paras: []string{"4:白水区2025年政府工作报告", "5:各位代表："},
		codes: []string{"1:meta-value!", "1:meta", "2:meta", "2:meta-value!", "2:meta", "3:meta-value!", "3:meta"},
		meta:  map[string]string{"公开目录": "工作报告", "文号": "白政发〔2025〕4号", "公开日期": "2025-04-02", "发布日期": "2025-04-02"},
		gone: []string{"索引号 | /2025-0000 | 公开目录: | 工作报告 |\n文号 | 白政发[2025]4号 | 成文日期: | 以系统为准 |\n" +
			"发布机构 | 2025-04-02 | 公开日期: | 2025-04-02 10:15 |\n"},
	},
	{
		name: "the page's own date before the body, and a title with its date",
		in: "天河县人民政府 2019年12月3日星期二\n枫林街道2023年工作总结 2024-02-21\n日期：2024-02-22 来源：枫林街道\n" +
			"2023年，枫林街道统筹推进经济发展和社会治理，较好完成了全年目标任务。\n时间：2024-03-01",
		paras: []string{"2:枫林街道2023年工作总结", "4:2023年，枫林街道统筹推进经济发展和社会治理，较好完成了全年目标任务。"},
		codes: []string{"1:chrome", "2:meta", "3:meta", "5:chrome"}, // after the body: chrome, as before
		meta:  map[string]string{"发布日期": "2024-02-21", "来源": "枫林街道"},
		gone:  []string{"天河县人民政府 2019年12月3日星期二\n", " 2024-02-21", "日期：2024-02-22 来源：枫林街道\n", "时间：2024-03-01"},
	},
	{
		name: "metadata, each label a bullet and its value on the next line",
		in: "  • 索引号:\n\n    6107280000/2024-001009\n  • 发文机构:\n\n    青山县政府网站\n  • 发文字号:\n\n    青政发〔2024〕9号\n" +
			"  • 发布日期:\n\n    2024年04月08日 16:34\n  • 内容概述:\n\n青山县人民政府工作规则\n\n第一章总则",
		paras: []string{"15:青山县人民政府工作规则", "17:第一章总则"},
		codes: []string{"1:meta", "4:meta", "7:meta", "10:meta", "13:meta"},
		meta: map[string]string{"索引号": "6107280000/2024-001009", "发文机构": "青山县政府网站", "发文字号": "青政发〔2024〕9号",
			"文号": "青政发〔2024〕9号", "发布日期": "2024-04-08"},
		gone: []string{"  • 索引号:\n\n    6107280000/2024-001009\n  • 发文机构:\n\n    青山县政府网站\n  • 发文字号:\n\n    青政发〔2024〕9号\n" +
			"  • 发布日期:\n\n    2024年04月08日 16:34\n  • 内容概述:\n"},
	},
	{
		name:  "a lesser label alone is not metadata",
		in:    "生成日期：以系统为准。\n各位代表：",
		paras: []string{"1:生成日期：以系统为准。", "2:各位代表："},
	},
	{
		name:  "metadata, an empty label before the title",
		in:    "索引号：001/2024-00002\n发布日期：2024-02-01\n文号：\n2023年某镇政府工作报告\n各位代表：",
		paras: []string{"4:2023年某镇政府工作报告", "5:各位代表："},
		codes: []string{"1:meta", "2:meta", "3:meta"},
		meta:  map[string]string{"索引号": "001/2024-00002", "发布日期": "2024-02-01"},
		gone:  []string{"索引号：001/2024-00002", "发布日期：2024-02-01", "文号："},
	},
	{
		name: "metadata, a title row and a views label",
		in: "沙沟镇2021年政府工作报告\n" +
			"索 引 号: | yishuisgz2761108/2021-0000066 | 主 题 词: | 政务公开 | 公开方式: | 主动公开 |\n" +
			"文 号: | 发布机构: | 沂水县沙沟镇 | 发布日期: | 2021-02-27 | |\n" +
			"浏览次数: | 有 效 性: | 成文日期: | 2021-02-27 | ||\n" +
			"标 题: | 沙沟镇2021年政府工作报告 |\n" +
			"政 府 工 作 报 告\n各位代表:",
		paras: []string{"6:政府工作报告", "7:各位代表:"}, // the page's title before the printed one: the portal's
		codes: []string{"1:front", "2:meta", "3:meta", "4:meta", "5:meta", "6:space"},
		title: "沙沟镇2021年政府工作报告",
		meta: map[string]string{"索引号": "yishuisgz2761108/2021-0000066", "主题词": "政务公开", "公开方式": "主动公开",
			"发布机构": "沂水县沙沟镇", "发布日期": "2021-02-27", "成文日期": "2021-02-27", "标题": "沙沟镇2021年政府工作报告"},
		gone: []string{"索 引 号: | yishuisgz2761108/2021-0000066 | 主 题 词: | 政务公开 | 公开方式: | 主动公开 |",
			"文 号: | 发布机构: | 沂水县沙沟镇 | 发布日期: | 2021-02-27 | |", "浏览次数: | 有 效 性: | 成文日期: | 2021-02-27 | ||",
			"标 题: | 沙沟镇2021年政府工作报告 |", "沙沟镇2021年政府工作报告"},
	},
	{
		name: "metadata table",
		in: "索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |\n" +
			"发布机构： | XX镇人民政府 | 成文日期： | 2024年01月27日 |\n" +
			"文    号： | X政发〔2024〕1号 | 发布日期： | 2024-2-1 |\n" +
			"公开方式： | 主动公开 | 有效性： | 有效 |\n" +
			"名    称： | 2023年某镇政府工作报告 |\n" +
			"2023年某镇政府工作报告\n各位代表：\n" +
			"索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |",
		paras: []string{"6:2023年某镇政府工作报告", "7:各位代表："},
		codes: []string{"1:meta", "2:meta", "3:meta", "4:meta", "5:meta", "8:meta"},
		title: "2023年某镇政府工作报告",
		meta: map[string]string{"索引号": "6107280000/2024-001005", "主题分类": "综合政务", "发布机构": "XX镇人民政府",
			"成文日期": "2024-01-27", "文号": "X政发〔2024〕1号", "发布日期": "2024-02-01", "公开方式": "主动公开",
			"有效性": "有效", "名称": "2023年某镇政府工作报告"},
		gone: []string{"索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |",
			"发布机构： | XX镇人民政府 | 成文日期： | 2024年01月27日 |", "文    号： | X政发〔2024〕1号 | 发布日期： | 2024-2-1 |",
			"公开方式： | 主动公开 | 有效性： | 有效 |", "名    称： | 2023年某镇政府工作报告 |",
			"索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |"},
	},
	{
		name:  "metadata, one line and label above value",
		in:    "索引号：001/2024-00001 发布机构：XX街道办事处 发布日期：2024.01.27\n文 号\n街办发〔2024〕3号\n各位代表：",
		paras: []string{"4:各位代表："},
		codes: []string{"1:meta", "2:meta"},
		meta:  map[string]string{"索引号": "001/2024-00001", "发布机构": "XX街道办事处", "发布日期": "2024-01-27", "文号": "街办发〔2024〕3号"},
		gone:  []string{"索引号：001/2024-00001 发布机构：XX街道办事处 发布日期：2024.01.27", "文 号", "街办发〔2024〕3号"},
	},
	{
		name:  "a sentence starting with a lesser label is not metadata",
		in:    "标题：坚持稳中求进。\n各位代表：",
		paras: []string{"1:标题：坚持稳中求进。", "2:各位代表："},
	},
	{
		name: "covering notice",
		in: "XX镇人民政府\n关于印发《2023年XX镇政府工作报告》的通知\n各村（社区）、镇直各单位：\n" +
			"现将《2023年XX镇政府工作报告》印发给你们，请结合实际认真贯彻落实。\nXX镇人民政府\n2024年2月1日\n" +
			"2023年XX镇政府工作报告\n各位代表：",
		paras: []string{"1:notice:XX镇人民政府", "2:notice:关于印发《2023年XX镇政府工作报告》的通知", "3:notice:各村（社区）、镇直各单位：",
			"4:notice:现将《2023年XX镇政府工作报告》印发给你们，请结合实际认真贯彻落实。", "5:notice:XX镇人民政府", "6:notice:2024年2月1日",
			"7:2023年XX镇政府工作报告", "8:各位代表："},
		codes: []string{"1:notice"},
		meta:  map[string]string{"成文日期": "2024-02-01"}, // the notice's date
	},
	{
		name:  "contents before the title",
		in:    "目 录\n一、2023年工作回顾 ........ 1\n二、2024年工作安排 ........ 5\n2023年某镇政府工作报告\n各位代表：",
		paras: []string{"4:2023年某镇政府工作报告", "5:各位代表："},
		codes: []string{"1:toc"},
		gone:  []string{"目 录", "一、2023年工作回顾 ........ 1", "二、2024年工作安排 ........ 5"},
	},
	{
		name:  "contents ended by a repeated heading",
		in:    "目录\n一、过去一年工作回顾\n二、今年工作安排\n一、过去一年工作回顾\n2023年，全镇经济平稳运行。",
		paras: []string{"4:一、过去一年工作回顾", "5:2023年，全镇经济平稳运行。"},
		codes: []string{"1:toc"},
		gone:  []string{"目录", "一、过去一年工作回顾", "二、今年工作安排"},
	},
	{
		name:  "spaced-out title",
		in:    "政 府 工 作 报 告\n2 0 2 3 年 政 府 工 作 报 告\n2 0 2 4 年\n各位代表：",
		paras: []string{"1:政府工作报告", "2:2023年政府工作报告", "3:2024年", "4:各位代表："},
		codes: []string{"1:space", "2:space", "3:space"},
	},
	// Breaks.
	{
		name: "paragraphs separated by a space",
		in: "一是经济发展稳中向好。全年财政收入XX万元。 二是项目建设持续推进。　　三是民生保障有力。“十件实事”全部完成。” 四是…\n" +
			"各位代表： 现在，我代表镇人民政府报告工作。 一、2023年工作回顾 2023年，全镇经济平稳运行。 （一）产业发展提质增效 全年新种植中药材2300亩。\n二、2024 年工作安排",
		paras: []string{"1:一是经济发展稳中向好。全年财政收入XX万元。", "1:二是项目建设持续推进。", "1:三是民生保障有力。“十件实事”全部完成。”", "1:四是…",
			"2:各位代表：", "2:现在，我代表镇人民政府报告工作。", "2:一、2023年工作回顾", "2:2023年，全镇经济平稳运行。", "2:（一）产业发展提质增效", "2:全年新种植中药材2300亩。", "3:二、2024 年工作安排"},
		codes: []string{"1:breaks!"}, // reported once
	},
	{
		name: "hard wraps",
		in: "2023年，全镇上下坚持以习近平新时代中国特色社会主\n" +
			"义思想为指导，全面贯彻落实党的二十大精神，扎实推进\n" +
			"各项工作，经济社会保持平稳健康发展的良好态势。\n" +
			"一、过去一年工作回顾\n" +
			"（一）经济发展稳中向好。全年完成地区生产总值XX亿\n" +
			"元，同比增长5.6%；财政收入XX万元，同比增长3.2%。\n" +
			"全年新增市场主体120户，其中企业35户，个体工商户\n" +
			"85户，营商环境持续优化，市场活力不断增强，发展\n" +
			"后劲更足。",
		paras: []string{
			"1:2023年，全镇上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，扎实推进各项工作，经济社会保持平稳健康发展的良好态势。",
			"4:一、过去一年工作回顾",
			"5:（一）经济发展稳中向好。全年完成地区生产总值XX亿元，同比增长5.6%；财政收入XX万元，同比增长3.2%。",
			"7:全年新增市场主体120户，其中企业35户，个体工商户85户，营商环境持续优化，市场活力不断增强，发展后劲更足。"},
	},
	{
		name: "hard wraps, paragraphs indented",
		in: "　　各位代表：\n　　现在，我代表青山镇人民政府，向大会报告工作，请予审\n议，并请列席会议的同志提出意见。\n" +
			"　　（一）项目建设持续推进\n　　我镇始终将项目建设作为经济高质量发\n展的重要抓手。全年实施重点项目12个，完成投资XX亿元\n" +
			"。港口码头一期项目已完成，高速公路境内征迁工作已全\n部完成。",
		paras: []string{"1:各位代表：", "2:现在，我代表青山镇人民政府，向大会报告工作，请予审议，并请列席会议的同志提出意见。",
			"4:（一）项目建设持续推进", "5:我镇始终将项目建设作为经济高质量发展的重要抓手。全年实施重点项目12个，完成投资XX亿元。港口码头一期项目已完成，高速公路境内征迁工作已全部完成。"},
	},
	{
		name:  "one token per line, blank lines between paragraphs",
		in:    "2023年\n某乡\n政府\n工作\n报告\n\n一、\n工作\n回顾\n\n全乡\n粮食\n总产量\n达到\n\n- 2 -\n\n2.1万\n吨。",
		paras: []string{"1:2023年某乡政府工作报告", "7:一、工作回顾", "11:全乡粮食总产量达到2.1万吨。"},
		codes: []string{"16:page-number"},
		gone:  []string{"- 2 -"},
	},
	{
		name:  "one token per line",
		in:    "各位\n代表\n：\n现在\n，\n我\n代表\n镇\n人民政府\n作\n工作\n报告\n。\n一、\n过去\n一年",
		paras: []string{"1:各位代表：", "4:现在，我代表镇人民政府作工作报告。", "14:一、过去一年"},
	},
	{
		name:  "a line starting with a full stop",
		in:    "一是经济发展稳中向好\n。全年财政收入XX万元，同比增长3.2%，其中税收收入XX万元，非税收入XX万元，完成年度目标的105%。\n二是项目建设持续推进。",
		paras: []string{"1:一是经济发展稳中向好。全年财政收入XX万元，同比增长3.2%，其中税收收入XX万元，非税收入XX万元，完成年度目标的105%。", "3:二是项目建设持续推进。"},
	},
	{
		name:  "indents and line ends",
		in:    "　　各位代表：\r\n     现在，我代表镇人民政府作报告。  \r\n\r\n\t一年来，全镇经济平稳运行。\u3000\r\n",
		paras: []string{"1:各位代表：", "2:现在，我代表镇人民政府作报告。", "4:一年来，全镇经济平稳运行。"},
	},
	{
		name:  "words broken by spaces",
		in:    "坚持以习 近平新时代中国特色社会主义思想为指导，贯彻党的二　十大精神，增长77.8 %。\n全年各项工作稳步推进 一是经济发展稳中向好。\n参会人员：张三 李四 王五",
		paras: []string{"1:坚持以习近平新时代中国特色社会主义思想为指导，贯彻党的二十大精神，增长77.8 %。", "2:全年各项工作稳步推进 一是经济发展稳中向好。", "3:参会人员：张三 李四 王五"},
		codes: []string{"1:space", "1:space"},
	},
	{
		name:  "a space between the halves of a quoted slogan stays",
		in:    "深化“白河谷地 青山茶香”产区品牌建设，推进“白河 谷地”和“习 近平”的工作。",
		paras: []string{"1:深化“白河谷地 青山茶香”产区品牌建设，推进“白河 谷地”和“习近平”的工作。"},
		codes: []string{"1:space"},
	},
	// Tables.
	{
		name:  "table, rows with pipes",
		in:    "一、收到和处理政府信息公开申请情况\n| 项目 | 2022年 | 2023年 | | |||\n| 收到申请 | 12 | 15 |\n| 办结 | 12 | 14 | | |\n| |||\n二、其他情况",
		paras: []string{"1:一、收到和处理政府信息公开申请情况", "2:table[项目|2022年|2023年][收到申请|12|15][办结|12|14]", "6:二、其他情况"},
		codes: []string{"2:table"},
	},
	{
		name:  "table, a cell per line",
		in:    "信息内容\n|\n本年制发件数\n||\n规章\n|\n0\n\n规范性文件\n|\n2\n||\n以上为本年情况。",
		paras: []string{"1:table[信息内容|本年制发件数][规章|0][规范性文件|2]", "13:以上为本年情况。"},
		codes: []string{"1:table"},
	},
	{
		name: "table, a cell per line, rows run on",
		in: "全县主要指标如下：\n指标\n|\n单位\n|\n完成数\n|\n地区生产总值\n|\n亿元\n|\n145.98\n|\n城镇化率\n|\n%\n|\n\n|\n" +
			"一般公共预算收入\n|\n亿元\n|\n9.86\n（一）经济运行稳中向好。",
		paras: []string{"1:全县主要指标如下：", "2:table[指标|单位|完成数][地区生产总值|亿元|145.98][城镇化率|%|][一般公共预算收入|亿元|9.86]",
			"25:（一）经济运行稳中向好。"},
		codes: []string{"2:table"},
	},
	{
		name:  "table, unsure",
		in:    "收到申请 | 12 |\n本年新增\n0\n本年撤销\n0\n外部管理服务事项\n3",
		paras: []string{"1:收到申请 | 12 |", "2:本年新增", "3:0", "4:本年撤销", "5:0", "6:外部管理服务事项", "7:3"},
		codes: []string{"1:table?!", "2:table?!"},
	},
}

func TestReadTextCases(t *testing.T) {
	for _, c := range textCases {
		t.Run(c.name, func(t *testing.T) {
			s, err := ReadText("case.txt", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := paraStrings(s.Paras); !slices.Equal(got, c.paras) {
				t.Errorf("paras:\n got %q\nwant %q", got, c.paras)
			}
			if got := findingCodes(s.Findings); !slices.Equal(got, c.codes) {
				t.Errorf("codes: got %q, want %q\n%s", got, c.codes, formatFindings(s.Findings))
			}
			if s.Title != c.title || s.Date != c.date {
				t.Errorf("title, date: got %q %q, want %q %q", s.Title, s.Date, c.title, c.date)
			}
			if !maps.Equal(s.Meta, c.meta) {
				t.Errorf("meta: got %v, want %v", s.Meta, c.meta)
			}
		})
	}
}

// TestReadTextLoses checks that nothing but the wrappers is lost: the
// paragraphs' text, spaces and pipes aside, is the input without them.
func TestReadTextLoses(t *testing.T) {
	for _, c := range textCases {
		t.Run(c.name, func(t *testing.T) {
			s, err := ReadText("case.txt", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			want := c.in
			for _, g := range c.gone {
				if !strings.Contains(want, g) {
					t.Fatalf("bad case: %q is not in the input", g)
				}
				want = strings.Replace(want, g, "", 1)
			}
			if got, want := squeeze(allText(s.Paras)), squeeze(want); got != want {
				t.Errorf("text lost or added:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestReadTextLineAt checks LineAt on joined paragraphs.
func TestReadTextLineAt(t *testing.T) {
	for _, tc := range []struct {
		in, word string
		line     int
	}{
		{textCases[caseIndex("hard wraps")].in, "义思想", 2},
		{textCases[caseIndex("hard wraps")].in, "扎实推进", 2},
		{textCases[caseIndex("hard wraps")].in, "各项工作", 3},
		{textCases[caseIndex("hard wraps")].in, "后劲", 9},
		{textCases[caseIndex("page markers with a header")].in, "入XX万元", 3},
		{textCases[caseIndex("page markers with a header")].in, "5%以上", 5},
		{textCases[caseIndex("one token per line")].in, "人民政府", 9},
		{textCases[caseIndex("file-name line above the header")].in, "_镇", 3},
		{textCases[caseIndex("file-name line above the header")].in, "12个", 4},
	} {
		s, err := ReadText("case.txt", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range s.Paras {
			if off := strings.Index(p.Text, tc.word); off >= 0 {
				found = true
				if got := p.LineAt(off); got != tc.line {
					t.Errorf("LineAt(%q) = %d, want %d", tc.word, got, tc.line)
				}
				if q := p.Slice(off, len(p.Text)); q.Line != tc.line || q.LineAt(0) != tc.line {
					t.Errorf("Slice at %q: line %d, want %d", tc.word, q.Line, tc.line)
				}
			}
		}
		if !found {
			t.Errorf("%q not found", tc.word)
		}
	}
}

func caseIndex(name string) int {
	for i, c := range textCases {
		if c.name == name {
			return i
		}
	}
	panic("no case " + name)
}

func paraStrings(ps []Para) []string {
	var out []string
	for _, p := range ps {
		if p.Rows != nil {
			var b strings.Builder
			for _, r := range p.Rows {
				b.WriteString("[" + strings.Join(r, "|") + "]")
			}
			out = append(out, fmt.Sprintf("%d:table%s", p.Line, b.String()))
			continue
		}
		if p.Notice {
			out = append(out, fmt.Sprintf("%d:notice:%s", p.Line, p.Text))
			continue
		}
		out = append(out, fmt.Sprintf("%d:%s", p.Line, p.Text))
	}
	return out
}

// findingCodes renders findings as "line:code", with ! for a warning.
func findingCodes(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		c := fmt.Sprintf("%d:%s", f.Line, f.Code)
		if f.Level == report.Warning {
			c += "!"
		}
		out = append(out, c)
	}
	return out
}

func formatFindings(fs []report.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Format("case.txt") + "\n")
	}
	return b.String()
}

func allText(ps []Para) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		for _, r := range p.Rows {
			b.WriteString(strings.Join(r, ""))
		}
	}
	return b.String()
}

// squeeze drops spaces and pipes, which layout may add or remove.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '|' || r == '｜' {
			return -1
		}
		return r
	}, s)
}

// TestReadTextMessages checks the wording editors see for warnings.
func TestReadTextMessages(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{textCases[caseIndex("paywall")].in, "case.txt:2: warning: the site omitted 912 characters here; the report is incomplete"},
		{textCases[caseIndex("injected pinyin")].in, "case.txt:3: info: removed “(jīng) (wěn) (guī) (yè) (yè) …”, pinyin the site injected (6 on this line) (pinyin)"},
		{"一是（此处省略若干字）完成。", "case.txt:1: warning: the site omitted some characters here; the report is incomplete"},
		{textCases[caseIndex("watermark, known site")].in, "case.txt:1: warning: removed the watermark “道客巴巴”, repeated 5 times in the text (watermark)"},
		{textCases[caseIndex("covering notice")].in, "starting “关于印发《2023年XX镇政府工作报告》的通知”"},
		{textCases[caseIndex("table, unsure")].in, "case.txt:2: warning: lines 2-7 look like a flattened table; check them (table?)"},
	} {
		s, err := ReadText("case.txt", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := formatFindings(s.Findings); !strings.Contains(got, tc.want) {
			t.Errorf("findings lack %q:\n%s", tc.want, got)
		}
	}
}

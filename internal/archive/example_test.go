package archive_test

import (
	"fmt"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/report"
)

func ExampleNewIndex() {
	ix := archive.NewIndex([]report.Meta{
		{Place: "青山镇", Year: 2023, Date: "2024-01-16", Slug: "2023-qingshan-zhen"},
		{Place: "白河县人民政府", Year: 2023, Date: "2024-01-10", Slug: "2023-baihe-xian"},
		{Place: "青山镇", Year: 2022, Date: "2023-01-18", Slug: "2022-qingshan-zhen"},
		{Place: "XX镇", Year: 2023, Date: "2024-01-27", Slug: "2023-xx-zhen"},
	})
	for _, p := range ix.Places {
		fmt.Println(p.Slug, p.Name, len(p.Reports), p.Spellings)
	}
	for _, y := range ix.Years {
		fmt.Println(y.Year, len(y.Reports))
	}
	fmt.Println(len(ix.Unplaced), "unplaced")
	prev, next := ix.Neighbours("2023-qingshan-zhen")
	fmt.Println(prev.Slug, next == nil)
	// Output:
	// baihe-xian 白河县 1 [白河县人民政府]
	// qingshan-zhen 青山镇 2 []
	// 2023 3
	// 2022 1
	// 1 unplaced
	// 2022-qingshan-zhen true
}

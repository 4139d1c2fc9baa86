package pay_test

import (
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestBrandRedPacketQueries(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			batchNo, details, ok := srv.AddBrandRedPacketBatch("brand20250415", 1234, "wxd678efh567hg6787", "tpl001",
				[]fakepay.BrandRedPacketDetail{{OutDetailNo: "d1"}, {OutDetailNo: "d2"}})
			if !ok || batchNo == "" || len(details) != 2 {
				t.Fatalf("AddBrandRedPacketBatch: %q %v %v", batchNo, details, ok)
			}
			if _, _, ok := srv.AddBrandRedPacketBatch("brand20250415", 1234, "wx", "tpl", []fakepay.BrandRedPacketDetail{{OutDetailNo: "x"}}); ok {
				t.Fatal("repeated out_batch_no accepted")
			}
			if _, _, ok := srv.AddBrandRedPacketBatch("brand2", 1, "wx", "tpl", make([]fakepay.BrandRedPacketDetail, 11)); ok {
				t.Fatal("11 red packets accepted")
			}

			b, err := c.BrandRedPacket.QueryBatch(cx, batchNo)
			if err != nil || b.BatchNo != batchNo || b.OutBatchNo != "brand20250415" || b.BrandMchID != srv.Opts.MchID ||
				b.BrandID != 1234 || b.BrandAppID != "wxd678efh567hg6787" || b.TemplateID != "tpl001" {
				t.Fatalf("QueryBatch: %+v %v", b, err)
			}
			d, err := c.BrandRedPacket.QueryDetail(cx, batchNo, details[1])
			if err != nil || d.DetailNo != details[1] || d.OutDetailNo != "d2" || d.BatchNo != batchNo || d.OutBatchNo != "brand20250415" ||
				d.BrandMchID != srv.Opts.MchID || d.DetailState != pay.BrandRedPacketDetailProcessing {
				t.Fatalf("QueryDetail: %+v %v", d, err)
			}
			if !srv.FinishBrandRedPacketBatch("brand20250415") || srv.FinishBrandRedPacketBatch("nope") {
				t.Fatal("FinishBrandRedPacketBatch")
			}
			for i, no := range details {
				d, err := c.BrandRedPacket.QueryDetail(cx, batchNo, no)
				if err != nil || d.DetailState != pay.BrandRedPacketDetailSuccess || d.OutDetailNo != []string{"d1", "d2"}[i] {
					t.Fatalf("QueryDetail after finish: %+v %v", d, err)
				}
			}

			_, err = c.BrandRedPacket.QueryBatch(cx, "1030000071100999991182020050700019480001")
			wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
			_, err = c.BrandRedPacket.QueryDetail(cx, batchNo, "1040000071100999991182020050700019500100")
			wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
			_, err = c.BrandRedPacket.QueryBatch(cx, "")
			wantArg(t, err)
			_, err = c.BrandRedPacket.QueryDetail(cx, batchNo, "")
			wantArg(t, err)
		})
	}
}

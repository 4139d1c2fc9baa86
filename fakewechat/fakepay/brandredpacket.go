package fakepay

import (
	"net/http"
	"strconv"
	"strings"
)

// BrandRedPacketDetail is one red packet of a batch given to
// AddBrandRedPacketBatch: out_detail_no is required (1-32 letters or
// digits, unique in the batch).
type BrandRedPacketDetail struct {
	OutDetailNo string
}

// brandDetail is a red packet kept by the fake, rendered like the detail
// query.
type brandDetail struct {
	BrandMchID  string `json:"brand_mchid"`
	OutBatchNo  string `json:"out_batch_no"`
	BatchNo     string `json:"batch_no"`
	OutDetailNo string `json:"out_detail_no"`
	DetailNo    string `json:"detail_no"`
	DetailState string `json:"detail_state"`
}

// brandBatch is a brand red packet batch kept by the fake, rendered like
// the batch query.
type brandBatch struct {
	BrandMchID string `json:"brand_mchid"`
	BatchNo    string `json:"batch_no"`
	OutBatchNo string `json:"out_batch_no"`
	BrandID    int64  `json:"brand_id"`
	TemplateID string `json:"template_id"`
	BrandAppID string `json:"brand_appid"`

	details []*brandDetail
}

// brandRedPacketState is the brand red packet state (brandredpacket.go),
// under Server.mu.
type brandRedPacketState struct {
	batches map[string]*brandBatch // by batch_no
	byOut   map[string]string      // out_batch_no to batch_no
}

const brandRedPacketPrefix = "/v3/fund-app/brand-redpacket/brand-merchant-batches/"

func init() { routes = append(routes, (*Server).routeBrandRedPacket) }

// AddBrandRedPacketBatch records a batch as if the merchant had sent it
// (every red packet DETAIL_PROCESSING) and returns its batch_no and the
// detail_no of each red packet, in order. It reports false for a repeated
// out_batch_no, an out_batch_no or out_detail_no that is not 1-32 letters or
// digits, a repeated out_detail_no, or a batch of other than 1-10 red
// packets.
func (s *Server) AddBrandRedPacketBatch(outBatchNo string, brandID int64, brandAppID, templateID string, details []BrandRedPacketDetail) (string, []string, bool) {
	if !alnum(outBatchNo, 32) || len(details) == 0 || len(details) > 10 {
		return "", nil, false
	}
	seen := map[string]bool{}
	for _, d := range details {
		if !alnum(d.OutDetailNo, 32) || seen[d.OutDetailNo] {
			return "", nil, false
		}
		seen[d.OutDetailNo] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.br
	if st.batches == nil {
		st.batches, st.byOut = map[string]*brandBatch{}, map[string]string{}
	}
	if _, ok := st.byOut[outBatchNo]; ok {
		return "", nil, false
	}
	b := &brandBatch{BrandMchID: s.Opts.MchID, BatchNo: "1030" + strconv.FormatInt(8000000000000+s.seq.Add(1), 10),
		OutBatchNo: outBatchNo, BrandID: brandID, TemplateID: templateID, BrandAppID: brandAppID}
	nos := make([]string, 0, len(details))
	for _, d := range details {
		dt := &brandDetail{BrandMchID: b.BrandMchID, OutBatchNo: outBatchNo, BatchNo: b.BatchNo, OutDetailNo: d.OutDetailNo,
			DetailNo: "1040" + strconv.FormatInt(8000000000000+s.seq.Add(1), 10), DetailState: "DETAIL_PROCESSING"}
		b.details = append(b.details, dt)
		nos = append(nos, dt.DetailNo)
	}
	st.batches[b.BatchNo], st.byOut[outBatchNo] = b, b.BatchNo
	return b.BatchNo, nos, true
}

// FinishBrandRedPacketBatch settles every DETAIL_PROCESSING red packet of
// the batch with out_batch_no as DETAIL_SUCCESS. (The failed state is not
// modelled: its name is not confirmed from the official pages.) It reports
// false for an unknown batch.
func (s *Server) FinishBrandRedPacketBatch(outBatchNo string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.br.batches[s.br.byOut[outBatchNo]]
	if b == nil {
		return false
	}
	for _, d := range b.details {
		if d.DetailState == "DETAIL_PROCESSING" {
			d.DetailState = "DETAIL_SUCCESS"
		}
	}
	return true
}

func (s *Server) routeBrandRedPacket(w http.ResponseWriter, r *http.Request, _ []byte) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, brandRedPacketPrefix)
	if !ok || r.Method != http.MethodGet {
		return false
	}
	parts := strings.Split(rest, "/")
	switch {
	case len(parts) == 1 && parts[0] != "":
		s.mu.Lock()
		b := s.br.batches[parts[0]]
		var v brandBatch
		if b != nil {
			v = *b
		}
		s.mu.Unlock()
		if b == nil {
			s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "品牌红包批次单不存在")
			return true
		}
		s.reply(w, r, http.StatusOK, &v)
	case len(parts) == 3 && parts[0] != "" && parts[1] == "details" && parts[2] != "":
		s.mu.Lock()
		var v *brandDetail
		if b := s.br.batches[parts[0]]; b != nil {
			for _, d := range b.details {
				if d.DetailNo == parts[2] {
					c := *d
					v = &c
				}
			}
		}
		s.mu.Unlock()
		if v == nil {
			s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "品牌红包明细单不存在")
			return true
		}
		s.reply(w, r, http.StatusOK, v)
	default:
		return false
	}
	return true
}

package pay

import (
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/weixin-go/wechat"
)

// service is embedded by every service of the Client: it holds the client
// the service calls through.
type service struct{ c *Client }

func (c *Client) initServicesB() {
	s := service{c}
	c.Media = &MediaService{s}
	c.Applyment = &ApplymentService{s}
	c.Complaints = &ComplaintService{s}
	c.CashCoupons = &CashCouponService{s}
	c.BusiFavor = &BusiFavorService{s}
	c.PayScore = &PayScoreService{s}
	c.Parking = &ParkingService{s}
	c.ScanAndRide = &ScanAndRideService{s}
	c.GiftActivity = &GiftActivityService{s}
	c.GoldPlan = &GoldPlanService{s}
	c.LoveFeast = &LoveFeastService{s}
	c.PayrollCard = &PayrollCardService{s}
	c.RetailStore = &RetailStoreService{s}
	c.Ecommerce = &EcommerceService{s}
	c.Capital = &CapitalService{s}
	c.SubjectConfirm = &SubjectConfirmService{s}
	c.Fund = &FundService{s}
	c.BusinessCircle = &BusinessCircleService{s}
	c.BrandRedPacket = &BrandRedPacketService{s}
}

// need returns a *wechat.ArgumentError for the first empty value of
// name/value pairs.
func need(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return argError(pairs[i], "is required")
		}
	}
	return nil
}

// pathf fills the {name} placeholders of an endpoint's path template, in
// order, with args, each escaped as one path segment:
// pathf("/v3/a/{id}/b", id).
func pathf(tmpl string, args ...string) string {
	var b strings.Builder
	for _, a := range args {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			break
		}
		b.WriteString(tmpl[:i])
		b.WriteString(url.PathEscape(a))
		tmpl = tmpl[j+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// withBody builds a request of any method with a JSON body.
func withBody(method, p string, body any) request {
	return request{method: method, path: p, body: body}
}

// query builds url.Values from name/value pairs, leaving out empty values.
func query(pairs ...string) url.Values {
	q := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			q.Set(pairs[i], pairs[i+1])
		}
	}
	return q
}

func itoa(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// withFile opens path for an upload (see wechat.WithFile).
func withFile(path string, fn func(name string, r io.Reader) error) error {
	return wechat.WithFile(path, fn)
}

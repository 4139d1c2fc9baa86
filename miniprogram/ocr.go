package miniprogram

import (
	"context"
	"io"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	ocrBankCard        = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/bankcard"}
	ocrBusinessLicense = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/bizlicense"}
	ocrDriverLicense   = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/drivinglicense"}
	ocrIDCard          = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/idcard"}
	ocrPrintedText     = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/comm"}
	ocrVehicleLicense  = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/driving"}
)

// Image is the picture an OCR call reads: either URL (WeChat fetches it) or
// Content, uploaded as a stream under Filename.
type Image struct {
	URL      string
	Filename string
	Content  io.Reader
}

// ImageURL is an Image WeChat fetches from url.
func ImageURL(url string) Image { return Image{URL: url} }

// ImageFile is an Image uploaded from content.
func ImageFile(filename string, content io.Reader) Image {
	return Image{Filename: filename, Content: content}
}

// ocr sends img by URL (empty body) or as the multipart field "img".
func ocr[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, img Image, q url.Values) (*T, error) {
	if q == nil {
		q = url.Values{}
	}
	out := new(T)
	switch {
	case img.URL != "" && img.Content != nil:
		return nil, invalidArg("img", "give either a URL or content")
	case img.URL != "":
		q.Set("img_url", img.URL)
		if err := c.Do(ctx, ep, q, nil, out); err != nil {
			return nil, err
		}
	case img.Content != nil:
		if img.Filename == "" {
			return nil, invalidArg("img", "filename missing")
		}
		if err := c.Upload(ctx, ep, q, wechat.UploadFile{Field: "img", Filename: img.Filename, Content: img.Content}, nil, out); err != nil {
			return nil, err
		}
	default:
		return nil, invalidArg("img", "no URL and no content")
	}
	return out, nil
}

// Point is a pixel position in the image.
type Point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// Position is a quadrilateral in the image.
type Position struct {
	LeftTop     Point `json:"left_top"`
	RightTop    Point `json:"right_top"`
	RightBottom Point `json:"right_bottom"`
	LeftBottom  Point `json:"left_bottom"`
}

// ImageSize is the size of the recognized image.
type ImageSize struct {
	W int `json:"w"`
	H int `json:"h"`
}

// BankCard recognizes a bank card and returns its number.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/bankCardOCR.html
func (s *OCRService) BankCard(ctx context.Context, img Image) (string, error) {
	out, err := ocr[struct {
		Number string `json:"number"`
	}](ctx, s.c, ocrBankCard, img, nil)
	if err != nil {
		return "", err
	}
	return out.Number, nil
}

// BusinessLicense is a recognized business licence (营业执照).
type BusinessLicense struct {
	RegNum              string `json:"reg_num"`
	Serial              string `json:"serial"`
	LegalRepresentative string `json:"legal_representative"`
	EnterpriseName      string `json:"enterprise_name"`
	TypeOfOrganization  string `json:"type_of_organization"`
	Address             string `json:"address"`
	TypeOfEnterprise    string `json:"type_of_enterprise"`
	BusinessScope       string `json:"business_scope"`
	RegisteredCapital   string `json:"registered_capital"`
	PaidInCapital       string `json:"paid_in_capital"`
	ValidPeriod         string `json:"valid_period"`
	RegisteredDate      string `json:"registered_date"`
	CertPosition        struct {
		Pos Position `json:"pos"`
	} `json:"cert_position"`
	ImgSize ImageSize `json:"img_size"`
}

// BusinessLicense recognizes a business licence.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/businessLicenseOCR.html
func (s *OCRService) BusinessLicense(ctx context.Context, img Image) (*BusinessLicense, error) {
	return ocr[BusinessLicense](ctx, s.c, ocrBusinessLicense, img, nil)
}

// DriverLicense is a recognized driver's licence (驾驶证).
type DriverLicense struct {
	IDNum        string `json:"id_num"`
	Name         string `json:"name"`
	Sex          string `json:"sex"`
	Nationality  string `json:"nationality"`
	Address      string `json:"address"`
	BirthDate    string `json:"birth_date"`
	IssueDate    string `json:"issue_date"`
	CarClass     string `json:"car_class"`
	ValidFrom    string `json:"valid_from"`
	ValidTo      string `json:"valid_to"`
	OfficialSeal string `json:"official_seal"`
}

// DriverLicense recognizes a driver's licence.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/driverLicenseOCR.html
func (s *OCRService) DriverLicense(ctx context.Context, img Image) (*DriverLicense, error) {
	return ocr[DriverLicense](ctx, s.c, ocrDriverLicense, img, nil)
}

// IDCard is a recognized identity card side: Type "Front" fills Name to
// Nationality, "Back" fills ValidDate.
type IDCard struct {
	Type        string `json:"type"`
	Name        string `json:"name,omitempty"`
	ID          string `json:"id,omitempty"`
	Addr        string `json:"addr,omitempty"`
	Gender      string `json:"gender,omitempty"`
	Nationality string `json:"nationality,omitempty"`
	ValidDate   string `json:"valid_date,omitempty"`
}

// Image modes of IDCard and VehicleLicense.
const (
	OCRPhoto = "photo" // a photograph
	OCRScan  = "scan"  // a scanned document
)

// IDCard recognizes either side of an identity card; mode is OCRPhoto or
// OCRScan ("" for photo).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/idCardOCR.html
func (s *OCRService) IDCard(ctx context.Context, img Image, mode string) (*IDCard, error) {
	q, err := ocrMode(mode)
	if err != nil {
		return nil, err
	}
	return ocr[IDCard](ctx, s.c, ocrIDCard, img, q)
}

func ocrMode(mode string) (url.Values, error) {
	switch mode {
	case "":
		mode = OCRPhoto
	case OCRPhoto, OCRScan:
	default:
		return nil, invalidArg("type", "must be photo or scan")
	}
	return url.Values{"type": {mode}}, nil
}

// TextItem is a recognized line of text.
type TextItem struct {
	Text string   `json:"text"`
	Pos  Position `json:"pos"`
}

// PrintedText is the printed text recognized in an image.
type PrintedText struct {
	Items   []TextItem `json:"items"`
	ImgSize ImageSize  `json:"img_size"`
}

// PrintedText recognizes the printed text of an image.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/printedTextOCR.html
func (s *OCRService) PrintedText(ctx context.Context, img Image) (*PrintedText, error) {
	return ocr[PrintedText](ctx, s.c, ocrPrintedText, img, nil)
}

// VehicleLicense is a recognized vehicle licence (行驶证).
type VehicleLicense struct {
	VehicleType    string `json:"vehicle_type"`
	Owner          string `json:"owner"`
	Addr           string `json:"addr"`
	UseCharacter   string `json:"use_character"`
	Model          string `json:"model"`
	VIN            string `json:"vin"`
	EngineNum      string `json:"engine_num"`
	RegisterDate   string `json:"register_date"`
	IssueDate      string `json:"issue_date"`
	PlateNum       string `json:"plate_num"`
	PlateNumB      string `json:"plate_num_b"`
	Record         string `json:"record"`
	PassengersNum  string `json:"passengers_num"`
	TotalQuality   string `json:"total_quality"`
	PrepareQuality string `json:"prepare_quality"`
	OverallSize    string `json:"overall_size"`
}

// VehicleLicense recognizes a vehicle licence; mode is OCRPhoto or OCRScan
// ("" for photo).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/vehicleLicenseOCR.html
func (s *OCRService) VehicleLicense(ctx context.Context, img Image, mode string) (*VehicleLicense, error) {
	q, err := ocrMode(mode)
	if err != nil {
		return nil, err
	}
	return ocr[VehicleLicense](ctx, s.c, ocrVehicleLicense, img, q)
}

package work

import (
	"context"
	"iter"
	"unicode/utf8"
)

var (
	albumAdd    = epPost("/cgi-bin/externalcontact/add_product_album")
	albumGet    = epPost("/cgi-bin/externalcontact/get_product_album")
	albumList   = epPost("/cgi-bin/externalcontact/get_product_album_list")
	albumUpdate = epPost("/cgi-bin/externalcontact/update_product_album")
	albumDelete = epPost("/cgi-bin/externalcontact/delete_product_album")
)

// Limits of the product albums.
const (
	MaxProductDescription = 300     // characters of a description
	MaxProductPrice       = 5000000 // fen (50,000 yuan)
	MaxProductSN          = 128     // bytes of a product code, digits and letters
	MaxProductImages      = 9       // image attachments
	MaxProductPage        = 100     // products per List page
)

// ProductAttachment is an image of a product: Type "image" (the only type)
// and the image's media id (上传附件资源).
type ProductAttachment struct {
	Type  string       `json:"type"`
	Image *MomentMedia `json:"image,omitempty"`
}

// ProductImage returns the attachment of the image with this media id.
func ProductImage(mediaID string) ProductAttachment {
	return ProductAttachment{Type: "image", Image: &MomentMedia{MediaID: mediaID}}
}

// Product is a product of the album (商品图册): Price is in fen,
// ProductSN an optional code of digits and letters.
type Product struct {
	ProductID   string              `json:"product_id,omitempty"`
	Description string              `json:"description"`
	Price       int64               `json:"price"`
	ProductSN   string              `json:"product_sn,omitempty"`
	CreateTime  int64               `json:"create_time,omitempty"`
	Attachments []ProductAttachment `json:"attachments"`
}

// ProductUpdate changes the fields set of product ProductID.
type ProductUpdate struct {
	ProductID   string              `json:"product_id"`
	Description string              `json:"description,omitempty"`
	Price       *int64              `json:"price,omitempty"`
	ProductSN   string              `json:"product_sn,omitempty"`
	Attachments []ProductAttachment `json:"attachments,omitempty"`
}

// ProductPage is one page of List.
type ProductPage struct {
	NextCursor string    `json:"next_cursor"`
	Products   []Product `json:"product_list"`
}

type productIDBody struct {
	ProductID string `json:"product_id"`
}

func checkProduct(desc string, price *int64, sn string, atts []ProductAttachment) error {
	if utf8.RuneCountInString(desc) > MaxProductDescription {
		return paramErr("description", "at most 300 characters")
	}
	if price != nil && (*price < 0 || *price > MaxProductPrice) {
		return paramErr("price", "0 to 5000000 fen")
	}
	if len(sn) > MaxProductSN {
		return paramErr("product_sn", "at most 128 bytes")
	}
	for _, c := range sn {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return paramErr("product_sn", "digits and letters only")
		}
	}
	if len(atts) > MaxProductImages {
		return paramErr("attachments", "at most 9 images")
	}
	for _, a := range atts {
		if a.Type != "image" || a.Image == nil || a.Image.MediaID == "" {
			return paramErr("attachments", `type "image" with a media_id`)
		}
	}
	return nil
}

// Add adds a product and returns its id: a description, the price and 1
// to 9 images are required.
// https://developer.work.weixin.qq.com/document/path/95096
func (s *CustomerProductAlbumService) Add(ctx context.Context, p *Product) (string, error) {
	if p == nil || p.Description == "" {
		return "", paramErr("description", "required")
	}
	if len(p.Attachments) == 0 {
		return "", paramErr("attachments", "at least one image")
	}
	if err := checkProduct(p.Description, &p.Price, p.ProductSN, p.Attachments); err != nil {
		return "", err
	}
	body := *p
	body.ProductID, body.CreateTime = "", 0
	out, err := callB[productIDBody](ctx, s.c, albumAdd, nil, &body)
	if err != nil {
		return "", err
	}
	return out.ProductID, nil
}

// Get returns a product.
// https://developer.work.weixin.qq.com/document/path/95096
func (s *CustomerProductAlbumService) Get(ctx context.Context, productID string) (*Product, error) {
	if err := needB("product_id", productID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Product Product `json:"product"`
	}](ctx, s.c, albumGet, nil, productIDBody{productID})
	if err != nil {
		return nil, err
	}
	return &out.Product, nil
}

// List returns one page of products (limit up to 100, 0 for WeCom's
// default of 50).
// https://developer.work.weixin.qq.com/document/path/95096
func (s *CustomerProductAlbumService) List(ctx context.Context, cursor string, limit int) (*ProductPage, error) {
	if limit < 0 || limit > MaxProductPage {
		return nil, paramErr("limit", "at most 100")
	}
	body := struct {
		Limit  int    `json:"limit,omitempty"`
		Cursor string `json:"cursor,omitempty"`
	}{limit, cursor}
	return callB[ProductPage](ctx, s.c, albumList, nil, body)
}

// All iterates over every product.
func (s *CustomerProductAlbumService) All(ctx context.Context, limit int) iter.Seq2[Product, error] {
	return cursorPagesB(ctx, "", func(ctx context.Context, cursor string) ([]Product, string, error) {
		p, err := s.List(ctx, cursor, limit)
		if err != nil {
			return nil, "", err
		}
		return p.Products, p.NextCursor, nil
	})
}

// Update changes a product the app added.
// https://developer.work.weixin.qq.com/document/path/95096
func (s *CustomerProductAlbumService) Update(ctx context.Context, u *ProductUpdate) error {
	if u == nil || u.ProductID == "" {
		return paramErr("product_id", "required")
	}
	if err := checkProduct(u.Description, u.Price, u.ProductSN, u.Attachments); err != nil {
		return err
	}
	return s.c.Do(ctx, albumUpdate, nil, u, nil)
}

// Delete deletes a product the app added.
// https://developer.work.weixin.qq.com/document/path/95096
func (s *CustomerProductAlbumService) Delete(ctx context.Context, productID string) error {
	if err := needB("product_id", productID); err != nil {
		return err
	}
	return s.c.Do(ctx, albumDelete, nil, productIDBody{productID}, nil)
}

"""The error pages' messages in Indonesian (`id`, the default) and English (`en`).

Part of the interface catalogue (`web.catalogue` merges it): headings per HTTP status,
explanations per error code, and the detailed messages of errors raised with a key
(`error.detail.<key>`, see `web.errors`), whose braces the error's values fill.
"""

from __future__ import annotations

ERROR_MESSAGES: dict[str, dict[str, str]] = {
    "error.title": {"id": "Kesalahan {status}", "en": "Error {status}"},
    "error.heading.400": {"id": "Permintaan tidak dapat diproses", "en": "Bad request"},
    "error.heading.404": {"id": "Halaman tidak ditemukan", "en": "Page not found"},
    "error.heading.405": {"id": "Metode tidak diizinkan", "en": "Method not allowed"},
    "error.heading.500": {"id": "Terjadi kesalahan pada kami", "en": "Something went wrong"},
    "error.code.query_too_long": {"id": "Kata pencarian terlalu panjang. Persingkat menjadi "
                                        "paling banyak 500 karakter.",
                                  "en": "The search is too long. Shorten it to at most 500 "
                                        "characters."},
    "error.code.parameter_out_of_range": {"id": "Nomor halaman, jumlah hasil atau tahun di luar "
                                                "batas yang diizinkan.",
                                          "en": "A page number, result count or year is out of "
                                                "the allowed range."},
    "error.code.invalid_parameter": {"id": "Salah satu isian alamat tidak dapat dibaca.",
                                     "en": "One of the address parameters cannot be read."},
    "error.code.too_many_filters": {"id": "Terlalu banyak filter sekaligus; kurangi pilihan.",
                                    "en": "Too many filters at once; untick some."},
    "error.code.invalid_query": {"id": "Pencarian ini tidak berisi kata yang bisa dicari. Ketik "
                                       "kata, frasa dalam tanda kutip, atau rujukan seperti "
                                       "“Perbup Gianyar 55/2018”.",
                                 "en": "This search has nothing to look for. Type words, a "
                                       "phrase in quotes, or a citation such as "
                                       "“Perbup Gianyar 55/2018”."},
    "error.code.csrf_failed": {"id": "Formulir ini kedaluwarsa. Muat ulang halaman lalu coba "
                                     "lagi.",
                               "en": "This form has expired. Reload the page and try again."},
    "error.code.not_found": {"id": "Dokumen atau halaman ini tidak ada di Telusur.",
                             "en": "This document or page is not in Telusur."},
    "error.code.basket_full": {"id": "Keranjang sudah penuh; ekspor atau hapus beberapa butir.",
                               "en": "The basket is full; export it or remove some items."},
    # Detailed messages of errors raised with a key (web.errors); values fill the braces.
    "error.detail.not_integer": {"id": "Isian “{name}” harus berupa bilangan bulat, bukan "
                                       "“{raw}”.",
                                 "en": "Parameter “{name}” must be a whole number, not “{raw}”."},
    "error.detail.out_of_range": {"id": "Isian “{name}” harus antara {low} dan {high} "
                                        "(tertulis {value}).",
                                  "en": "Parameter “{name}” must be between {low} and {high} "
                                        "(got {value})."},
    "error.detail.query_too_long": {"id": "Kata pencarian berisi {n} karakter; persingkat "
                                          "menjadi paling banyak {max}.",
                                    "en": "The search is {n} characters long; shorten it to at "
                                          "most {max}."},
    "error.detail.query_nul": {"id": "Kata pencarian berisi karakter NUL; ketik ulang.",
                               "en": "The search contains a NUL character; type it again."},
    "error.detail.too_many_filters": {"id": "Paling banyak {max} nilai “{name}” dapat "
                                            "digabungkan; hapus centang sebagian.",
                                      "en": "At most {max} values of “{name}” can be combined; "
                                            "untick some."},
    "error.detail.filter_too_long": {"id": "Salah satu nilai “{name}” lebih dari {max} karakter.",
                                     "en": "A value of “{name}” is longer than {max} "
                                           "characters."},
    "error.detail.sort": {"id": "Urutan harus salah satu dari: {choices}.",
                          "en": "The order must be one of: {choices}."},
    "error.detail.result_window": {"id": "Hasil setelah {max} teratas tidak dapat dibuka per "
                                         "halaman; persempit pencarian dengan filter.",
                                   "en": "Results beyond the first {max} cannot be paged to; "
                                         "narrow the search with filters."},
    "error.detail.csrf": {"id": "Formulir ini kedaluwarsa atau tidak berasal dari Telusur. Muat "
                                "ulang halaman lalu coba lagi.",
                          "en": "This form has expired or did not come from Telusur. Reload "
                                "the page and try again."},
    "error.detail.basket_key": {"id": "Butir keranjang mana yang diubah tidak disebutkan.",
                                "en": "The form did not say which basket item to change."},
    "error.detail.basket_no_document": {"id": "Tidak ada dokumen “{id}” untuk dimasukkan ke "
                                              "keranjang.",
                                        "en": "There is no document “{id}” to add to the "
                                              "basket."},
    "error.detail.basket_no_part": {"id": "Dokumen “{id}” tidak punya bagian “{part}”.",
                                    "en": "Document “{id}” has no part “{part}”."},
    "error.detail.basket_full": {"id": "Keranjang memuat paling banyak {n} butir; ekspor atau "
                                       "hapus sebagian dulu.",
                                 "en": "The basket holds at most {n} items; export it or remove "
                                       "some first."},
    "error.detail.basket_confirm": {"id": "Keranjang tidak dikosongkan: centang dulu kotak "
                                          "konfirmasinya.",
                                    "en": "The basket was not emptied: tick the confirmation "
                                          "box first."},
    "error.detail.basket_direction": {"id": "Arah pemindahan harus naik atau turun.",
                                      "en": "An item can only move up or down."},
    "error.detail.compare_first": {"id": "Sebutkan dokumen yang akan dibandingkan (isian “a”).",
                                   "en": "Say which document to compare (parameter “a”)."},
    "error.detail.bad_id": {"id": "“{id}” bukan pengenal dokumen yang sah.",
                            "en": "“{id}” is not a valid document id."},
    "error.detail.no_document": {"id": "Tidak ada dokumen dengan pengenal “{id}”. Cari "
                                       "dokumennya dengan kotak di bawah.",
                                 "en": "There is no document with id “{id}”. Search for it "
                                       "with the box below."},
    "error.detail.no_pasal": {"id": "“{title}” tidak punya Pasal {n}; lihat daftar isinya.",
                              "en": "“{title}” has no Pasal {n}; see its table of contents."},
    "error.detail.no_archive": {"id": "Kami tidak menyimpan salinan arsip “{id}”.",
                                "en": "We keep no archived copy of “{id}”."},
    "error.detail.cite_format": {"id": "Rujukan tersedia sebagai .bib (BibTeX) atau .json "
                                       "(CSL-JSON).",
                                 "en": "Citations come as .bib (BibTeX) or .json (CSL-JSON)."},
    "error.detail.http_404": {"id": "Alamat {path} tidak ada di Telusur. Periksa ejaannya atau "
                                    "cari dengan kotak di bawah.",
                              "en": "The address {path} does not exist in Telusur. Check its "
                                    "spelling or search with the box below."},
    "error.detail.http_405": {"id": "Alamat {path} tidak dapat dibuka dengan cara ini; buka dari "
                                    "tautan atau tombol di halaman Telusur.",
                              "en": "The address {path} cannot be opened this way; use the "
                                    "links and buttons on Telusur's pages."},
    "error.detail.http_413": {"id": "Isian formulir terlalu besar; persingkat catatannya.",
                              "en": "The form is too large; shorten the note."},
    "error.detail.internal": {"id": "Terjadi kesalahan di pihak kami; kesalahan ini sudah "
                                    "dicatat. Coba lagi nanti.",
                              "en": "Something went wrong on our side; the error has been "
                                    "logged. Try again later."},
    "error.help": {"id": "Coba cari lagi:", "en": "Try searching again:"},
    "error.home": {"id": "Ke halaman utama", "en": "Go to the home page"},
    "unavailable.title": {"id": "Indeks belum siap", "en": "The index is not ready"},
    "unavailable.index_missing": {"id": "Indeks pencarian belum dibuat.",
                                  "en": "The search index has not been built yet."},
    "unavailable.index_schema_mismatch": {"id": "Indeks dibuat oleh versi Telusur yang lain "
                                                "dan perlu dibangun ulang.",
                                          "en": "The index was built by another version of "
                                                "Telusur and must be rebuilt."},
    "unavailable.index_locked": {"id": "Indeks sedang diperbarui. Coba lagi sebentar lagi.",
                                 "en": "The index is being updated. Try again shortly."},
    "unavailable.generic": {"id": "Indeks pencarian tidak dapat dibuka.",
                            "en": "The search index cannot be opened."},
    "unavailable.what_to_do": {"id": "Pengelola situs dapat menjalankan:",
                               "en": "The site's operator can run:"},
}

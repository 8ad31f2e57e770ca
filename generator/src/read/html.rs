//! HTML table parsing (scraper) shared by readers whose pages embed HTML tables.

module github.com/quotetrail/quotetrail

go 1.26

module geokg

go 1.26

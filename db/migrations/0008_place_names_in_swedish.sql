ALTER TABLE `places` ADD `name_sv` text;--> statement-breakpoint
ALTER TABLE `places` ADD `street_address_sv` text;--> statement-breakpoint
ALTER TABLE `places` ADD `city_sv` text;--> statement-breakpoint
ALTER TABLE `places` ADD `county_sv` text;--> statement-breakpoint
-- The demo places of a database made before this migration get their Swedish names too.
UPDATE `places` SET `name_sv` = 'Kohtaamo Dickursby', `street_address_sv` = 'Stationsvägen 10 B', `city_sv` = 'Vanda', `county_sv` = 'Vanda och Kervo välfärdsområde' WHERE `slug` = 'tikkurila' AND `street_address` = 'Asematie 10 B';--> statement-breakpoint
UPDATE `places` SET `name_sv` = 'Kohtaamo Träskända', `street_address_sv` = 'Sibeliusgatan 15', `city_sv` = 'Träskända', `county_sv` = 'Mellersta Nylands välfärdsområde' WHERE `slug` = 'jarvenpaa' AND `street_address` = 'Sibeliuksenkatu 15';

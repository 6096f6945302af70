import { describe, expect, it } from 'vitest';
import { ImageError } from '../../../functions/core/citizen/photos/ImageError.ts';
import { MAX_PHOTO_BYTES, preparePhoto } from '../../../functions/core/citizen/photos/preparePhoto.ts';
import { contains, DEVICE, GPS_MARK, heicWithExif, jpegWithExif, PIXELS, pngWithMetadata } from '../../support/builders/photos.ts';

describe('a report\'s photo before it is stored', () => {
  it('loses a JPEG\'s Exif (device and GPS) and comment, and keeps JFIF, the tables and the scan byte for byte', () => {
    const { contentType, bytes } = preparePhoto(jpegWithExif());
    expect(contentType).toBe('image/jpeg');
    expect(contains(bytes, DEVICE) || contains(bytes, GPS_MARK) || contains(bytes, 'Exif')).toBe(false);
    expect(contains(bytes, 'JFIF')).toBe(true);
    expect(contains(bytes, PIXELS)).toBe(true);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('loses a PNG\'s eXIf and text chunks and keeps the image chunks with their CRCs', () => {
    const { contentType, bytes } = preparePhoto(pngWithMetadata());
    expect(contentType).toBe('image/png');
    expect(contains(bytes, DEVICE) || contains(bytes, GPS_MARK)).toBe(false);
    expect(contains(bytes, 'IHDR') && contains(bytes, 'IDAT') && contains(bytes, 'IEND')).toBe(true);
    expect(contains(bytes, PIXELS)).toBe(true);
  });

  it('zeroes a HEIC\'s Exif item where it lies, leaving the image item and every offset as they were', () => {
    const heic = heicWithExif();
    const { contentType, bytes } = preparePhoto(heic.file);
    expect(contentType).toBe('image/heic');
    expect(bytes.length).toBe(heic.file.length);
    expect(contains(bytes, DEVICE) || contains(bytes, GPS_MARK)).toBe(false);
    expect([...bytes.subarray(heic.exifAt, heic.exifAt + heic.exifLength)].every((x) => x === 0)).toBe(true);
    expect([...bytes.subarray(heic.imageAt, heic.imageAt + PIXELS.length)]).toEqual([...PIXELS]);
  });

  it('refuses a text file named like a photo, judged by its content', () => {
    expect(() => preparePhoto(new TextEncoder().encode('<script>alert(1)</script> not a jpeg'))).toThrow(/not a JPEG, PNG or HEIC/);
  });

  it('refuses a photo over 5 MB before reading it', () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => preparePhoto(big)).toThrow(`the photo is ${MAX_PHOTO_BYTES + 1} bytes; at most 5 MB (${MAX_PHOTO_BYTES} bytes)`);
  });

  it('refuses a JPEG cut short inside a segment, naming the byte', () => {
    const cut = jpegWithExif().subarray(0, 30);
    expect(() => preparePhoto(cut)).toThrow(ImageError);
    expect(() => preparePhoto(cut)).toThrow(/JPEG: the segment at byte \d+ runs past the end of the file/);
  });
});

/**
 * `work` over `items` with at most `limit` in flight, results in input
 * order. Work starts as slots free up, not all at once: a check's deadline
 * starts when it starts, not while it waits behind thousands of others.
 */
export async function mapConcurrent< T, R >(
	items: readonly T[],
	limit: number,
	work: ( item: T, index: number ) => Promise< R >
): Promise< R[] > {
	const results = new Array< R >( items.length );
	let next = 0;
	const worker = async () => {
		while ( next < items.length ) {
			const index = next++;
			results[ index ] = await work( items[ index ], index );
		}
	};
	await Promise.all(
		Array.from(
			{ length: Math.max( 1, Math.min( limit, items.length ) ) },
			worker
		)
	);
	return results;
}

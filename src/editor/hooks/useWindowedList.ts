/**
 * Windowing for the sidebar's partner list (issue 20): of a list of items
 * of any height, only those within (or near) the visible part of the
 * scrolling panel that holds the list are rendered; the rest is an empty
 * stretch of the right height. Heights are estimated until an item has been
 * rendered once, then measured (ResizeObserver), so rows that grow (a
 * result arrives, a finding appears) push the ones below down.
 *
 * Written here rather than taken from a library: the maintained
 * virtualizers (@tanstack/react-virtual 3.14: about 12 KB gzipped) would add
 * 8% to the editor bundle for what is about a hundred lines for one
 * vertical list in a panel the editor already scrolls.
 */
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';

export interface WindowedItem {
	index: number;
	key: string;
	/** Offset from the top of the list, in px. */
	top: number;
}

export interface WindowedList {
	/** Ref for the element that holds the positioned items. */
	listRef: ( element: HTMLElement | null ) => void;
	/** Ref for each rendered item's element (measures its height). */
	measureRef: ( element: HTMLElement | null ) => void;
	items: WindowedItem[];
	totalHeight: number;
}

/** Pixels rendered beyond the visible part, above and below. */
const OVERSCAN_PX = 600;

/**
 * Lists this short are rendered whole: cheap, and every row stays in the
 * page for find-in-page and screen readers.
 */
export const WINDOW_FROM_ITEMS = 60;

/** The nearest ancestor that scrolls (the editor's sidebar panel). */
export function scrollParent(
	element: HTMLElement | null
): HTMLElement | null {
	for (
		let node = element?.parentElement ?? null;
		node;
		node = node.parentElement
	) {
		const { overflowY } = window.getComputedStyle( node );
		if ( overflowY === 'auto' || overflowY === 'scroll' ) {
			return node;
		}
	}
	return null;
}

/**
 * The items of `keys` to render now and where, given an estimate per
 * item until it is measured. Pure, for tests: `view` is the visible
 * stretch relative to the list's top.
 */
export function windowOf(
	keys: readonly string[],
	heightOf: ( key: string, index: number ) => number,
	view: { top: number; height: number },
	overscan = OVERSCAN_PX
): { items: WindowedItem[]; totalHeight: number } {
	const whole = keys.length <= WINDOW_FROM_ITEMS;
	const from = whole ? -Infinity : view.top - overscan;
	const to = whole ? Infinity : view.top + view.height + overscan;
	const items: WindowedItem[] = [];
	let top = 0;
	for ( let index = 0; index < keys.length; index++ ) {
		const height = heightOf( keys[ index ], index );
		if ( top + height > from && top < to ) {
			items.push( { index, key: keys[ index ], top } );
		}
		top += height;
	}
	return { items, totalHeight: top };
}

export function useWindowedList(
	keys: readonly string[],
	estimate: ( index: number ) => number
): WindowedList {
	const heights = useRef( new Map< string, number >() );
	const [ list, setList ] = useState< HTMLElement | null >( null );
	// Before the panel is measured (first render), a screenful is shown.
	const [ view, setView ] = useState( { top: 0, height: 1000 } );
	const [ measured, setMeasured ] = useState( 0 );

	const listRef = useCallback( ( element: HTMLElement | null ) => {
		setList( element );
	}, [] );

	// The visible stretch, relative to the list's top, on scroll and resize
	// (at most once a frame). Measured in an animation frame, never while
	// React commits (issue 20): reading layout (getBoundingClientRect) or
	// computed styles there forces the browser to lay out the whole editor
	// with the new sidebar before its first paint, and again after the
	// render the measurement causes (48 + 19 ms of the plugin's 93 ms when
	// the sidebar opened at 1,000 links). The first screenful needs no
	// measurement: the list starts at the top of the panel.
	useEffect( () => {
		if ( ! list ) {
			return undefined;
		}
		let frame = 0;
		let scroller: HTMLElement | null = null;
		let resize: ResizeObserver | null = null;
		const update = () => {
			frame = 0;
			if ( ! scroller ) {
				return;
			}
			const top =
				scroller.getBoundingClientRect().top -
				list.getBoundingClientRect().top;
			const height = scroller.clientHeight;
			setView( ( before ) =>
				Math.abs( before.top - top ) < 1 && before.height === height
					? before
					: { top, height }
			);
		};
		const schedule = () => {
			if ( ! frame ) {
				frame = window.requestAnimationFrame( update );
			}
		};
		frame = window.requestAnimationFrame( () => {
			scroller = scrollParent( list );
			if ( scroller ) {
				scroller.addEventListener( 'scroll', schedule, {
					passive: true,
				} );
				resize = new window.ResizeObserver( schedule );
				resize.observe( scroller );
			}
			update();
		} );
		return () => {
			scroller?.removeEventListener( 'scroll', schedule );
			resize?.disconnect();
			window.cancelAnimationFrame( frame );
		};
	}, [ list ] );

	// Heights of rendered items; a change re-renders once per frame.
	const observer = useMemo( () => {
		if ( typeof window === 'undefined' || ! window.ResizeObserver ) {
			return null;
		}
		let frame = 0;
		return new window.ResizeObserver( ( entries ) => {
			let changed = false;
			for ( const entry of entries ) {
				const element = entry.target as HTMLElement;
				const key = element.dataset.windowKey;
				const height = element.offsetHeight;
				if ( key && heights.current.get( key ) !== height ) {
					heights.current.set( key, height );
					changed = true;
				}
			}
			if ( changed && ! frame ) {
				frame = window.requestAnimationFrame( () => {
					frame = 0;
					setMeasured( ( n ) => n + 1 );
				} );
			}
		} );
	}, [] );
	useEffect( () => () => observer?.disconnect(), [ observer ] );

	const observed = useRef( new Set< HTMLElement >() );
	const measureRef = useCallback(
		( element: HTMLElement | null ) => {
			if ( element && observer && ! observed.current.has( element ) ) {
				observed.current.add( element );
				observer.observe( element );
			}
		},
		[ observer ]
	);
	// Items scrolled out of the window are gone from the page: stop
	// observing them (the observer would keep them alive).
	useEffect( () => {
		for ( const element of observed.current ) {
			if ( ! element.isConnected ) {
				observer?.unobserve( element );
				observed.current.delete( element );
			}
		}
	} );

	const { items, totalHeight } = useMemo(
		() =>
			windowOf(
				keys,
				( key, index ) =>
					heights.current.get( key ) ?? estimate( index ),
				view
			),
		// `measured` stands for the heights map, which changes in place.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ keys, estimate, view, measured ]
	);

	return { listRef, measureRef, items, totalHeight };
}
